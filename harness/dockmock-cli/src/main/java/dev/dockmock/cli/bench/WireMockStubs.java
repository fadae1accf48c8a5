package dev.dockmock.cli.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * WireMock stub mappings that answer what dockmock answers: same status, same header fields
 * (except those the server frames the answer with itself, and {@code Date}), same body bytes.
 */
final class WireMockStubs {
    /** Fields Jetty writes itself. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection", "date");

    private WireMockStubs() {
    }

    /** Writes one mapping per endpoint under {@code root/mappings}. */
    static void write(Path root, Map<Endpoint, RawAnswer> answers) throws IOException {
        Path mappings = Files.createDirectories(root.resolve("mappings"));
        Files.createDirectories(root.resolve("__files"));
        int i = 0;
        for (Map.Entry<Endpoint, RawAnswer> entry : answers.entrySet()) {
            ObjectNode mapping = JsonNodeFactory.instance.objectNode();
            ObjectNode request = mapping.putObject("request");
            request.put("method", entry.getKey().method());
            request.put("url", entry.getKey().target());
            RawAnswer answer = entry.getValue();
            ObjectNode response = mapping.putObject("response");
            response.put("status", answer.status());
            ObjectNode headers = response.putObject("headers");
            for (String[] field : answer.fields()) {
                if (!FRAMING.contains(field[0].toLowerCase(Locale.ROOT))) {
                    headers.put(field[0], field[1]);
                }
            }
            response.put("base64Body", Base64.getEncoder().encodeToString(answer.body()));
            Files.write(mappings.resolve("stub-" + i++ + ".json"), Json.bytes(mapping));
        }
    }
}
