package dev.dockmock.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.TransportFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code faults:} list of a fault fixture (YAML or JSON, see {@code docs/faults.md})
 * into rules. Mistakes are reported with the entry they are in.
 */
public final class FaultFile {

    private FaultFile() {
    }

    /** The rules of a {@code faults:} list (an absent or null node gives none). */
    public static List<FaultRule> rules(JsonNode list) {
        List<FaultRule> rules = new ArrayList<>();
        if (list == null || list.isNull() || list.isMissingNode()) {
            return rules;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("faults: must be a list of rules");
        }
        for (JsonNode entry : list) {
            try {
                rules.add(rule(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fault " + entry + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    /** One rule: {@code match}, {@code times}, then {@code error} or {@code transport}, and an optional {@code delay}. */
    public static FaultRule rule(JsonNode entry) {
        RequestMatch match = match(entry.path("match"));
        JsonNode timesNode = entry.path("times");
        int times = timesNode.isMissingNode() || timesNode.asText().equals("every") ? FaultRule.EVERY : timesNode.asInt(0);
        FaultAction action;
        if (entry.has("error")) {
            JsonNode error = entry.get("error");
            action = new FaultAction.Fail(error.path("status").asInt(500), error.path("message").asText("injected fault"));
        } else if (entry.has("transport")) {
            action = new FaultAction.Transport(transport(entry.get("transport")));
        } else if (entry.has("delay")) {
            action = new FaultAction.Transport(new TransportFault.FixedDelay(Duration.ZERO));
        } else {
            throw new IllegalArgumentException("a fault needs error:, transport: or delay:");
        }
        Duration delay = entry.has("delay") ? Durations.parse(entry.get("delay").asText()) : Duration.ZERO;
        return new FaultRule(entry.path("name").asText(""), match, times, action, delay);
    }

    /** A request match: {@code method}, {@code path}, {@code query}, {@code body}, {@code userAgent}. */
    public static RequestMatch match(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return RequestMatch.ANY;
        }
        return new RequestMatch(text(node, "method"), text(node, "path"), strings(node.path("query")), strings(node.path("body")),
                text(node, "userAgent"));
    }

    /** A transport fault: a bare name ({@code reset}) or {@code {type: name, ...settings}}. */
    public static TransportFault transport(JsonNode node) {
        String type = node.isTextual() ? node.asText() : node.path("type").asText("");
        return switch (type) {
            case "reset", "connection-reset" -> new TransportFault.ConnectionReset();
            case "empty", "empty-response" -> new TransportFault.EmptyResponse();
            case "malformed-chunk" -> new TransportFault.MalformedChunk();
            case "random-data" -> new TransportFault.RandomDataThenClose(node.path("bytes").asInt(64));
            case "stall" -> new TransportFault.Stall();
            case "delay" -> new TransportFault.FixedDelay(duration(node, "delay"));
            case "lognormal-delay" -> new TransportFault.LognormalDelay(duration(node, "median"), node.path("sigma").asDouble(0.5));
            case "dribble" -> new TransportFault.Dribble(node.path("bytes").asInt(1), duration(node, "pause"));
            case "close-mid-stream" -> new TransportFault.CloseMidStream(node.path("afterBytes").asLong(Long.MAX_VALUE),
                    node.has("after") ? duration(node, "after") : null);
            default -> throw new IllegalArgumentException("unknown transport fault \"" + type + "\"; known: reset, empty, "
                    + "malformed-chunk, random-data, stall, delay, lognormal-delay, dribble, close-mid-stream");
        };
    }

    private static Duration duration(JsonNode node, String field) {
        if (!node.has(field)) {
            throw new IllegalArgumentException(node.path("type").asText() + " needs " + field + ":");
        }
        return Durations.parse(node.get(field).asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText()
                : f.getValue().toString()));
        return map;
    }
}
