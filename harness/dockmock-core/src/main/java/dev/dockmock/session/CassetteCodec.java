package dev.dockmock.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.protocol.Headers;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns cassette values into their JSON lines and back; docs/cassettes.md describes the fields. */
final class CassetteCodec {
    static final String MAGIC = "dockmock-cassette";

    private CassetteCodec() {
    }

    static ObjectNode header(CassetteHeader header) {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put(MAGIC, header.version());
        node.put("recorded", header.recorded().toString());
        node.put("source", header.source());
        return node;
    }

    static CassetteHeader header(JsonNode node) {
        if (!node.isObject() || !node.has(MAGIC)) {
            throw new IllegalArgumentException("not a dockmock cassette: the first line has no \"" + MAGIC + "\" field");
        }
        int version = node.get(MAGIC).asInt(-1);
        if (version != CassetteHeader.VERSION) {
            throw new IllegalArgumentException("cassette format " + node.get(MAGIC) + " is not supported; this dockmock reads "
                    + MAGIC + " " + CassetteHeader.VERSION);
        }
        Instant recorded;
        try {
            recorded = node.has("recorded") ? Instant.parse(node.get("recorded").asText()) : Instant.EPOCH;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"recorded\" is not an ISO-8601 instant: " + node.get("recorded"));
        }
        return new CassetteHeader(version, recorded, node.path("source").asText(""));
    }

    static ObjectNode interaction(Interaction interaction) {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put("id", interaction.id());
        node.put("at", interaction.at());
        RecordedRequest request = interaction.request();
        ObjectNode req = node.putObject("request");
        req.put("method", request.method());
        req.put("target", request.target());
        req.put("path", request.path());
        ObjectNode query = req.putObject("query");
        request.query().forEach((name, values) -> values.forEach(query.withArray(name)::add));
        req.set("headers", headers(request.headers()));
        Payloads.put(req, "body", request.body());
        RecordedResponse response = interaction.response();
        ObjectNode res = node.putObject("response");
        res.put("status", response.status());
        res.set("headers", headers(response.headers()));
        res.put("latency", response.latency());
        if (response.body() instanceof RecordedBody.Full full) {
            Payloads.put(res, "body", full.data());
        } else if (response.body() instanceof RecordedBody.Stream stream) {
            ArrayNode chunks = res.putArray("stream");
            for (RecordedBody.Chunk chunk : stream.chunks()) {
                ObjectNode entry = chunks.addObject().put("at", chunk.at());
                Payloads.put(entry, "data", chunk.data());
            }
            res.put("complete", stream.complete());
        } else if (response.body() instanceof RecordedBody.Conversation conversation) {
            res.put("upgraded", conversation.upgraded());
            ArrayNode events = res.putArray("conversation");
            for (HijackEvent event : conversation.events()) {
                ObjectNode entry = events.addObject().put("dir", event.direction().wireName()).put("at", event.at());
                Payloads.put(entry, "data", event.data());
            }
        }
        return node;
    }

    static Interaction interaction(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("an interaction must be a JSON object");
        }
        JsonNode req = object(node, "request");
        JsonNode res = object(node, "response");
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = req.path("query").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            List<String> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(field.getValue().asText());
            }
            query.put(field.getKey(), values);
        }
        String path = text(req, "path");
        RecordedRequest request = new RecordedRequest(text(req, "method"), req.path("target").asText(path), path, query,
                headers(req.path("headers")), Payloads.get(req, "body"));
        RecordedBody body;
        if (res.has("stream")) {
            List<RecordedBody.Chunk> chunks = new ArrayList<>();
            for (JsonNode entry : res.get("stream")) {
                chunks.add(new RecordedBody.Chunk(entry.path("at").asLong(0), Payloads.get(entry, "data")));
            }
            body = new RecordedBody.Stream(chunks, res.path("complete").asBoolean(true));
        } else if (res.has("conversation")) {
            List<HijackEvent> events = new ArrayList<>();
            for (JsonNode entry : res.get("conversation")) {
                events.add(new HijackEvent(HijackEvent.Direction.fromWire(text(entry, "dir")), entry.path("at").asLong(0),
                        Payloads.get(entry, "data")));
            }
            body = new RecordedBody.Conversation(res.path("upgraded").asBoolean(false), events);
        } else {
            byte[] data = Payloads.get(res, "body");
            body = data.length == 0 ? RecordedBody.EMPTY : new RecordedBody.Full(data);
        }
        if (!res.path("status").canConvertToInt()) {
            throw new IllegalArgumentException("response.status must be a number");
        }
        RecordedResponse response = new RecordedResponse(res.get("status").asInt(), headers(res.path("headers")),
                res.path("latency").asLong(0), body);
        if (!node.path("id").canConvertToInt()) {
            throw new IllegalArgumentException("\"id\" must be a number");
        }
        return new Interaction(node.get("id").asInt(), node.path("at").asLong(0), request, response);
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an object");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    /** Header fields as an object; a name sent more than once gets a list of its values. */
    private static ObjectNode headers(Headers headers) {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        for (Map.Entry<String, String> field : headers.fields()) {
            JsonNode existing = node.get(field.getKey());
            if (existing == null) {
                node.put(field.getKey(), field.getValue());
            } else if (existing.isArray()) {
                ((ArrayNode) existing).add(field.getValue());
            } else {
                node.putArray(field.getKey()).add(existing.asText()).add(field.getValue());
            }
        }
        return node;
    }

    private static Headers headers(JsonNode node) {
        Headers.Builder headers = Headers.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()) {
                field.getValue().forEach(v -> headers.add(field.getKey(), v.asText()));
            } else {
                headers.add(field.getKey(), field.getValue().asText());
            }
        }
        return headers.build();
    }
}
