package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests the server cannot take get Docker-style errors, and the server keeps serving. */
@Timeout(30)
class RequestLimitsTest {
    /** 256-byte request line, 4 KiB of headers in at most 16 fields, 1 KiB bodies. */
    private static final ServerOptions SMALL = new ServerOptions(256, 4096, 16, 1024, Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(2), 100, TestServers.quietOptions().socketPermissions(), line -> { });

    static Stream<Arguments> badRequests() {
        List<Arguments> cases = new ArrayList<>();
        for (Wire wire : Wire.values()) {
            cases.add(Arguments.of(wire, "request line too long", 431,
                    "GET /" + "a".repeat(300) + " HTTP/1.1\r\nHost: docker\r\n\r\n"));
            cases.add(Arguments.of(wire, "one header line too long", 431,
                    request("GET", "/_ping", "X-Big: " + "b".repeat(5000))));
            cases.add(Arguments.of(wire, "header section too large", 431,
                    request("GET", "/_ping", fields(10, 500))));
            cases.add(Arguments.of(wire, "too many header fields", 431,
                    request("GET", "/_ping", fields(20, 1))));
            cases.add(Arguments.of(wire, "body too large by Content-Length", 413,
                    request("POST", "/echo", "Content-Length: 2000") + "x".repeat(2000)));
            cases.add(Arguments.of(wire, "body too large when chunked", 413,
                    request("POST", "/echo", "Transfer-Encoding: chunked")
                            + "200\r\n" + "x".repeat(512) + "\r\n200\r\n" + "y".repeat(512) + "\r\n1\r\nz\r\n0\r\n\r\n"));
            cases.add(Arguments.of(wire, "garbage request line", 400, "GARBAGE\r\n\r\n"));
            cases.add(Arguments.of(wire, "request line without version", 400, "GET /_ping\r\nHost: docker\r\n\r\n"));
            cases.add(Arguments.of(wire, "target not a path", 400, "GET _ping HTTP/1.1\r\nHost: docker\r\n\r\n"));
            cases.add(Arguments.of(wire, "Content-Length -1", 400, request("POST", "/echo", "Content-Length: -1")));
            cases.add(Arguments.of(wire, "Content-Length abc", 400, request("POST", "/echo", "Content-Length: abc")));
            cases.add(Arguments.of(wire, "conflicting Content-Length", 400,
                    request("POST", "/echo", "Content-Length: 3", "Content-Length: 4") + "abcd"));
            cases.add(Arguments.of(wire, "Content-Length and Transfer-Encoding", 400,
                    request("POST", "/echo", "Content-Length: 3", "Transfer-Encoding: chunked") + "3\r\nabc\r\n0\r\n\r\n"));
            cases.add(Arguments.of(wire, "bad chunk size", 400,
                    request("POST", "/echo", "Transfer-Encoding: chunked") + "zz\r\nabc\r\n0\r\n\r\n"));
            cases.add(Arguments.of(wire, "chunk without CRLF", 400,
                    request("POST", "/echo", "Transfer-Encoding: chunked") + "3\r\nabcdef\r\n0\r\n\r\n"));
            cases.add(Arguments.of(wire, "bad header line", 400, request("GET", "/_ping", "no colon here")));
            cases.add(Arguments.of(wire, "bad escape in target", 400, request("GET", "/containers/%zz/json")));
            cases.add(Arguments.of(wire, "unsupported transfer coding", 501,
                    request("POST", "/echo", "Transfer-Encoding: gzip") + "abc"));
        }
        return cases.stream();
    }

    private static String[] fields(int count, int valueLength) {
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            lines[i] = "X-Field-" + i + ": " + "v".repeat(valueLength);
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("badRequests")
    void badRequestGetsADockerErrorAndTheServerKeepsServing(Wire wire, String what, int status, String wireText)
            throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.echo()), SMALL)) {
            try (RawHttpClient client = TestServers.connect(server)) {
                RawResponse answer = client.send(wireText).readResponse();
                assertThat(answer.status()).as(what).isEqualTo(status);
                assertThat(answer.header("Content-Type")).isEqualTo("application/json");
                assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
                assertThat(TestRoutes.message(answer.body())).isNotBlank();
                // The server closes without resetting: the client reads a clean end of stream.
                assertThat(client.readToEof()).isEmpty();
            }
            try (RawHttpClient next = TestServers.connect(server)) {
                RawResponse ping = next.exchange(request("GET", "/_ping"));
                assertThat(ping.status()).isEqualTo(200);
                assertThat(ping.bodyText()).isEqualTo("OK");
            }
        }
    }
}
