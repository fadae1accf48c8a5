package dev.dockmock.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Writes bytes into a cassette entry in the most readable form that gives them back exactly:
 * {@code json} (the value itself, plus a {@code trailer} of whitespace), {@code text} (UTF-8),
 * {@code frames} (Docker's multiplexed stdout/stderr frames with text payloads) or
 * {@code base64}. The form is named by the entry's {@code encoding} field.
 */
final class Payloads {
    private static final String[] STREAMS = {"stdin", "stdout", "stderr", "system"};

    private Payloads() {
    }

    /** Puts {@code data} into {@code entry.field}, with its {@code encoding}; nothing for no bytes. */
    static void put(ObjectNode entry, String field, byte[] data) {
        if (data.length == 0) {
            return;
        }
        Optional<JsonNode> json = JsonBodies.parse(data);
        if (json.isPresent()) {
            entry.put("encoding", "json");
            entry.set(field, json.get());
            String trailer = JsonBodies.trailer(data);
            if (!trailer.isEmpty()) {
                entry.put("trailer", trailer);
            }
            return;
        }
        Optional<String> text = text(data, 0, data.length);
        if (text.isPresent()) {
            entry.put("encoding", "text");
            entry.put(field, text.get());
            return;
        }
        Optional<ArrayNode> frames = frames(data);
        if (frames.isPresent()) {
            entry.put("encoding", "frames");
            entry.set(field, frames.get());
            return;
        }
        entry.put("encoding", "base64");
        entry.put(field, Base64.getEncoder().encodeToString(data));
    }

    /** The bytes {@link #put} wrote into {@code entry.field}. */
    static byte[] get(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return new byte[0];
        }
        String encoding = entry.path("encoding").asText(value.isTextual() ? "text" : "json");
        switch (encoding) {
            case "json": {
                byte[] json = JsonBodies.bytes(value);
                byte[] trailer = entry.path("trailer").asText("").getBytes(StandardCharsets.US_ASCII);
                ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + trailer.length);
                out.writeBytes(json);
                out.writeBytes(trailer);
                return out.toByteArray();
            }
            case "text":
                return requireText(value, field).getBytes(StandardCharsets.UTF_8);
            case "base64":
                try {
                    return Base64.getDecoder().decode(requireText(value, field));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(field + " is not valid base64: " + e.getMessage());
                }
            case "frames":
                return unframe(value, field);
            default:
                throw new IllegalArgumentException("unknown encoding \"" + encoding + "\": expected json, text, frames or base64");
        }
    }

    private static String requireText(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string for this encoding");
        }
        return value.asText();
    }

    /** UTF-8 without control characters other than tab, newline, carriage return and escape. */
    static Optional<String> text(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x1b) || b == 0x7f) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, offset, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<ArrayNode> frames(byte[] data) {
        ArrayNode frames = JsonBodies.MAPPER.createArrayNode();
        int at = 0;
        while (at < data.length) {
            if (data.length - at < 8 || (data[at] & 0xff) > 3 || data[at + 1] != 0 || data[at + 2] != 0 || data[at + 3] != 0) {
                return Optional.empty();
            }
            int size = ByteBuffer.wrap(data, at + 4, 4).getInt();
            if (size < 0 || size > data.length - at - 8) {
                return Optional.empty();
            }
            Optional<String> payload = text(data, at + 8, size);
            if (payload.isEmpty()) {
                return Optional.empty();
            }
            frames.addArray().add(STREAMS[data[at]]).add(payload.get());
            at += 8 + size;
        }
        return Optional.of(frames);
    }

    private static byte[] unframe(JsonNode frames, String field) {
        if (!frames.isArray()) {
            throw new IllegalArgumentException(field + " must be a list of [stream, text] frames");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode frame : frames) {
            int stream = java.util.Arrays.asList(STREAMS).indexOf(frame.path(0).asText());
            if (stream < 0 || !frame.path(1).isTextual()) {
                throw new IllegalArgumentException(field + " frame " + frame + " must be [stdin|stdout|stderr|system, text]");
            }
            byte[] payload = frame.get(1).asText().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(new byte[] {(byte) stream, 0, 0, 0});
            out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }
}
