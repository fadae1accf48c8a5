package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Request bodies reach the dispatcher intact, however they are framed. */
@Timeout(30)
class RequestBodyTest {

    @ParameterizedTest
    @EnumSource(Wire.class)
    void contentLengthBodiesArriveIntact(Wire wire) throws Exception {
        byte[] binary = new byte[100_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 + i / 256);
        }
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.echo()));
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse small = client.exchange(request("POST", "/echo", "Content-Length: 11") + "hello world");
            assertThat(small.status()).isEqualTo(200);
            assertThat(small.bodyText()).isEqualTo("hello world");

            client.send(request("POST", "/v1.44/echo", "Content-Length: " + binary.length)).send(binary);
            RawResponse large = client.readResponse();
            assertThat(large.status()).isEqualTo(200);
            assertThat(large.body()).isEqualTo(binary);

            RawResponse empty = client.exchange(request("POST", "/echo", "Content-Length: 0"));
            assertThat(empty.status()).isEqualTo(200);
            assertThat(empty.body()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void chunkedBodiesWithExtensionsAndTrailersArriveIntact(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.echo()));
                RawHttpClient client = TestServers.connect(server)) {
            String chunked = request("POST", "/echo", "Transfer-Encoding: chunked")
                    + "5;name=value\r\nhello\r\n"
                    + "6 ; another=\"quoted\"\r\n world\r\n"
                    + "0\r\nX-Trailer: one\r\nX-Other: two\r\n\r\n";
            RawResponse echoed = client.exchange(chunked);
            assertThat(echoed.status()).isEqualTo(200);
            assertThat(echoed.bodyText()).isEqualTo("hello world");
            // The trailers were consumed: the next request on the connection is read from its start.
            assertThat(client.exchange(request("GET", "/_ping")).bodyText()).isEqualTo("OK");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void largeChunkedBodiesArriveIntact(Wire wire) throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream wireBytes = new ByteArrayOutputStream();
        wireBytes.writeBytes(request("POST", "/echo", "Transfer-Encoding: chunked").getBytes(StandardCharsets.ISO_8859_1));
        for (int chunk = 0; chunk < 40; chunk++) {
            byte[] data = new byte[1000 + chunk * 997];
            java.util.Arrays.fill(data, (byte) ('a' + chunk % 26));
            expected.writeBytes(data);
            wireBytes.writeBytes((Integer.toHexString(data.length).toUpperCase() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            wireBytes.writeBytes(data);
            wireBytes.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        wireBytes.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.echo()));
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse echoed = client.send(wireBytes.toByteArray()).readResponse();
            assertThat(echoed.status()).isEqualTo(200);
            assertThat(echoed.body()).isEqualTo(expected.toByteArray());
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void expectContinueGets100BeforeTheBodyIsSent(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.echo()));
                RawHttpClient client = TestServers.connect(server)) {
            client.send(request("POST", "/echo", "Content-Length: 7", "Expect: 100-continue"));
            RawResponse interim = client.readHead();
            assertThat(interim.status()).isEqualTo(100);
            assertThat(interim.reason()).isEqualTo("Continue");
            RawResponse echoed = client.send("payload").readResponse();
            assertThat(echoed.status()).isEqualTo(200);
            assertThat(echoed.bodyText()).isEqualTo("payload");

            client.send(request("POST", "/echo", "Transfer-Encoding: chunked", "Expect: 100-continue"));
            assertThat(client.readHead().status()).isEqualTo(100);
            RawResponse chunked = client.send("3\r\nabc\r\n0\r\n\r\n").readResponse();
            assertThat(chunked.bodyText()).isEqualTo("abc");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void expectContinueWithATooLargeBodyGetsTheFinalAnswerInstead(Wire wire) throws Exception {
        ServerOptions options = TestServers.quietOptions().withLimits(8192, 65536, 1024);
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.echo()), options);
                RawHttpClient client = TestServers.connect(server)) {
            client.send(request("POST", "/echo", "Content-Length: 5000", "Expect: 100-continue"));
            RawResponse answer = client.readResponse();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json");
            assertThat(client.readToEof()).isEmpty();
        }
    }
}
