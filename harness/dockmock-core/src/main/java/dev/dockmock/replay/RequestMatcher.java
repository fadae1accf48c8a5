package dev.dockmock.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.session.Interaction;
import dev.dockmock.session.JsonBodies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compares a request with recorded interactions: method, normalised path (so {@code /v1.NN}
 * prefixes do not matter), query as a multimap (order of parameters does not matter), and body
 * (JSON by value without the ignored fields and with {@code Env} lists in any order, anything
 * else by bytes).
 */
final class RequestMatcher {
    private final ReplayOptions options;
    private final Map<Integer, Optional<JsonNode>> recordedJson = new ConcurrentHashMap<>();

    RequestMatcher(ReplayOptions options) {
        this.options = options;
    }

    /** Every difference; an empty list is a match. */
    List<Difference> differences(Interaction interaction, Incoming incoming) {
        List<Difference> out = new ArrayList<>();
        var recorded = interaction.request();
        if (!recorded.method().equals(incoming.method())) {
            out.add(new Difference("method", recorded.method(), incoming.method(), 1000));
        }
        if (!recorded.path().equals(incoming.path())) {
            out.add(new Difference("path", recorded.path(), incoming.path(), 100));
        }
        Set<String> names = new LinkedHashSet<>(recorded.query().keySet());
        names.addAll(incoming.query().keySet());
        for (String name : names) {
            if (options.ignoredQueryParameters().contains(name)) {
                continue;
            }
            List<String> a = sorted(recorded.query().get(name));
            List<String> b = sorted(incoming.query().get(name));
            if (!a.equals(b)) {
                out.add(new Difference("query parameter " + name, values(recorded.query().get(name)),
                        values(incoming.query().get(name)), 10));
            }
        }
        Optional<JsonNode> json = recordedJson.computeIfAbsent(interaction.id(),
                id -> JsonBodies.parse(recorded.body()).map(n -> JsonDiff.comparable(n, options.ignoredBodyFields())));
        if (json.isPresent() && incoming.json().isPresent()) {
            out.addAll(JsonDiff.compare(json.get(), incoming.json().get()));
        } else if (!Arrays.equals(recorded.body(), incoming.body())) {
            out.add(new Difference("body", preview(recorded.body()), preview(incoming.body()), 5));
        }
        return out;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values == null ? List.of() : values);
        copy.sort(null);
        return copy;
    }

    private static String values(List<String> values) {
        if (values == null) {
            return "(absent)";
        }
        return values.size() == 1 ? "\"" + values.get(0) + "\"" : values.toString();
    }

    private static String preview(byte[] body) {
        if (body.length == 0) {
            return "(empty)";
        }
        int length = Math.min(body.length, 80);
        for (int i = 0; i < length; i++) {
            if ((body[i] & 0xff) < 0x20 && body[i] != '\n' && body[i] != '\t') {
                return body.length + " bytes";
            }
        }
        String text = new String(body, 0, length, java.nio.charset.StandardCharsets.UTF_8);
        return "\"" + text + (body.length > 80 ? "…" : "") + "\" (" + body.length + " bytes)";
    }
}
