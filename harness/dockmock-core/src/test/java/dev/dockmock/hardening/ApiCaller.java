package dev.dockmock.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.Json;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A keep-alive Docker API client over one raw connection, as a load generator needs: it sends a
 * request with an optional JSON body, reads the whole answer, and reconnects when the server has
 * closed the connection between two requests.
 */
final class ApiCaller implements AutoCloseable {
    private final DockerHost host;
    private RawHttpClient client;

    /** A status and a body parsed as JSON (a missing node when empty or not JSON). */
    record Reply(int status, String text) {
        JsonNode json() {
            try {
                return text.isEmpty() ? Json.mapper().missingNode() : Json.mapper().readTree(text);
            } catch (IOException e) {
                return Json.mapper().missingNode();
            }
        }

        String message() {
            return json().path("message").asText();
        }
    }

    ApiCaller(DockerHost host) {
        this.host = host;
    }

    Reply get(String target) throws IOException {
        return call("GET", target, null);
    }

    Reply post(String target) throws IOException {
        return call("POST", target, null);
    }

    Reply post(String target, String json) throws IOException {
        return call("POST", target, json);
    }

    Reply delete(String target) throws IOException {
        return call("DELETE", target, null);
    }

    Reply call(String method, String target, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        return call(method, target, "application/json", body);
    }

    /** Sends any body with the given content type; a request refused with a closed connection is not retried. */
    Reply call(String method, String target, String contentType, byte[] body) throws IOException {
        if (client == null) {
            client = RawHttpClient.connect(host, Duration.ofSeconds(60));
        }
        String head = RawHttpClient.request(method, target, "Content-Type: " + contentType,
                "Content-Length: " + body.length);
        try {
            client.send(head).send(body);
            RawResponse response = client.readResponse(method.equals("HEAD"));
            if ("close".equalsIgnoreCase(response.header("Connection"))) {
                closeQuietly();
            }
            return new Reply(response.status(), response.bodyText());
        } catch (IOException e) {
            closeQuietly();
            throw e;
        }
    }

    private void closeQuietly() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // already broken
            }
            client = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
