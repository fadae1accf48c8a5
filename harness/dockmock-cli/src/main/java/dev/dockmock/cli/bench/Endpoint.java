package dev.dockmock.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One request the load generator repeats: the same bytes on every connection, every time.
 *
 * @param label how tables and charts name it, such as {@code GET /_ping}
 * @param method the request method
 * @param target the request target sent
 * @param request the whole HTTP/1.1 request, pre-built
 * @param bodyBytes the size of the answer's body, once known; 0 before
 */
record Endpoint(String label, String method, String target, byte[] request, int bodyBytes) {

    /** A keep-alive {@code GET} with a {@code Host} and a {@code User-Agent}, as every Docker client sends. */
    static Endpoint get(String target) {
        String text = "GET " + target + " HTTP/1.1\r\n"
                + "Host: api.moby.localhost\r\n"
                + "User-Agent: dockmock-bench\r\n"
                + "\r\n";
        return new Endpoint("GET " + target, "GET", target, text.getBytes(StandardCharsets.US_ASCII), 0);
    }

    /** A keep-alive {@code POST} of a JSON body. */
    static Endpoint postJson(String target, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String text = "POST " + target + " HTTP/1.1\r\n"
                + "Host: api.moby.localhost\r\n"
                + "User-Agent: dockmock-bench\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n" + json;
        return new Endpoint("POST " + target, "POST", target, text.getBytes(StandardCharsets.UTF_8), 0);
    }

    /** The request line, which the minimal server looks its answer up by. */
    String requestLine() {
        return method + " " + target + " HTTP/1.1";
    }

    Endpoint withBodyBytes(int size) {
        return new Endpoint(label, method, target, request, size);
    }

    /** The body size for people: {@code 2 B}, {@code 15.3 kB}. */
    String bodySize() {
        return bodyBytes < 1000 ? bodyBytes + " B" : String.format(Locale.ROOT, "%.1f kB", bodyBytes / 1000.0);
    }
}
