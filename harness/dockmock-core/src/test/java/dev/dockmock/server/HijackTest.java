package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.testing.Await;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Attach-style hijacks: {@code 101 UPGRADED} with stdin, and docker-java's plain-200 form. */
@Timeout(30)
class HijackTest {
    static final String ATTACH_UPGRADE = "POST /containers/x/attach?stream=1&stdin=1&stdout=1 HTTP/1.1\r\n"
            + "Host: docker\r\nContent-Type: text/plain\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
    static final String ATTACH_PLAIN = "POST /v1.44/containers/x/attach?stream=1&stdout=1 HTTP/1.1\r\n"
            + "Host: docker\r\nContent-Length: 0\r\n\r\n";

    /** Reads stdout frames until their payloads add up to {@code length} bytes; fails on any other stream. */
    static String readFrames(RawHttpClient client, int length) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        while (payload.size() < length) {
            ByteBuffer header = ByteBuffer.wrap(client.readExactly(8));
            assertThat(header.get(0)).as("stream byte").isEqualTo((byte) 1);
            assertThat(new byte[] {header.get(1), header.get(2), header.get(3)}).containsOnly(0);
            payload.writeBytes(client.readExactly(header.getInt(4)));
        }
        return payload.toString(StandardCharsets.UTF_8);
    }

    static void assertUpgraded(RawResponse head) {
        assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 UPGRADED");
        assertThat(head.header("Content-Type")).isEqualTo(TestRoutes.MULTIPLEXED);
        assertThat(head.header("Connection")).isEqualTo("Upgrade");
        assertThat(head.header("Upgrade")).isEqualTo("tcp");
        assertThat(head.header("Content-Length")).isNull();
        assertThat(head.header("Transfer-Encoding")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void upgradedAttachEchoesStdinAsFramesAndEndsCleanlyAfterHalfClose(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.attach()));
                RawHttpClient client = TestServers.connect(server)) {
            client.send(ATTACH_UPGRADE);
            assertUpgraded(client.readHead());
            client.send("hello\n");
            assertThat(readFrames(client, 6)).isEqualTo("hello\n");
            client.send("second line\n");
            assertThat(readFrames(client, 12)).isEqualTo("second line\n");
            client.shutdownOutput();
            // The handler sees stdin end, returns; the server ends its output and closes without a reset.
            assertThat(client.readToEof()).isEmpty();
            awaitNoConnections(server);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void stdinSentWithTheRequestHeadIsNotLost(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.attach()));
                RawHttpClient client = TestServers.connect(server)) {
            client.send(ATTACH_UPGRADE + "early bytes");
            assertUpgraded(client.readHead());
            assertThat(readFrames(client, 11)).isEqualTo("early bytes");
            client.send("late");
            assertThat(readFrames(client, 4)).isEqualTo("late");
            client.shutdownOutput();
            assertThat(client.readToEof()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void largeStdinIsEchoedWhileTheClientKeepsWriting(Wire wire) throws Exception {
        byte[] stdin = new byte[512 * 1024];
        for (int i = 0; i < stdin.length; i++) {
            stdin[i] = (byte) ('a' + i % 26);
        }
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.attach()));
                RawHttpClient client = TestServers.connect(server)) {
            client.send(ATTACH_UPGRADE);
            assertUpgraded(client.readHead());
            Thread writer = new Thread(() -> {
                try {
                    client.send(stdin);
                    client.shutdownOutput();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            String echoed = readFrames(client, stdin.length);
            assertThat(echoed).isEqualTo(new String(stdin, StandardCharsets.UTF_8));
            writer.join(10_000);
            assertThat(client.readToEof()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void withoutUpgradeTheStreamIsAPlain200EndedByClose(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.attach()));
                RawHttpClient client = TestServers.connect(server)) {
            client.send(ATTACH_PLAIN);
            RawResponse head = client.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(head.header("Content-Type")).isEqualTo(TestRoutes.MULTIPLEXED);
            assertThat(head.header("Content-Length")).isNull();
            assertThat(head.header("Transfer-Encoding")).isNull();
            assertThat(head.header("Upgrade")).isNull();
            byte[] body = client.readToEof();
            assertThat(body).isEqualTo(TestRoutes.frame(1, "hello".getBytes(StandardCharsets.UTF_8)));
            awaitNoConnections(server);
        }
    }

    static void awaitNoConnections(DockMockServer server) throws InterruptedException {
        Await.until(Duration.ofSeconds(5), () -> server.openConnections() == 0, "the server to forget the connection");
    }
}
