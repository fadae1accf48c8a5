package dev.dockmock.engine.containers;

import dev.dockmock.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The body of a create's 201 answer, made without a JSON writer: every create sends one. */
final class CreatedBody {
    private static final byte[] HEAD = "{\"Id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "\",\"Warnings\":[]}".getBytes(StandardCharsets.US_ASCII);

    private CreatedBody() {
    }

    /** {@code {"Id":"…","Warnings":[]}}, written directly unless an injected id source gave an id that needs escaping. */
    static byte[] of(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return Json.bytes(Map.of("Id", id, "Warnings", List.of()));
            }
        }
        byte[] body = new byte[HEAD.length + id.length() + TAIL.length];
        System.arraycopy(HEAD, 0, body, 0, HEAD.length);
        for (int i = 0; i < id.length(); i++) {
            body[HEAD.length + i] = (byte) id.charAt(i); // printable ASCII, checked above
        }
        System.arraycopy(TAIL, 0, body, HEAD.length + id.length(), TAIL.length);
        return body;
    }
}
