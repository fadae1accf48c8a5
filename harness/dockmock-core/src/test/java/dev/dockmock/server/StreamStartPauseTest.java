package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hijacked stream whose first bytes are ready at once (an exited container's logs, a quick
 * exec) holds them back from docker-py for {@link StreamStartPause#PYTHON_PAUSE_MILLIS} after
 * the 101 head, so they cannot share a read with it (docker-py drops such bytes); other clients
 * get them as they come. The bound checked is a lower one, measured from before the request
 * was sent, which no scheduling delay can break.
 */
@Timeout(30)
class StreamStartPauseTest {
    private static final Dispatcher WRITES_AT_ONCE = request -> ApiResponse.hijacked(
            "application/vnd.docker.multiplexed-stream", session -> {
                session.output().write(new byte[] {1, 0, 0, 0, 0, 0, 0, 4});
                session.output().write("now\n".getBytes(StandardCharsets.US_ASCII));
                session.closeOutput();
            });

    private static String attach(String userAgent) {
        return RawHttpClient.request("POST", "/v1.50/containers/x/attach?logs=1&stdout=1", "User-Agent: " + userAgent,
                "Connection: Upgrade", "Upgrade: tcp", "Content-Length: 0");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void dockerPyGetsTheFirstBytesNoSoonerThanThePauseAfterTheHead(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, WRITES_AT_ONCE);
                RawHttpClient client = TestServers.connect(server)) {
            long sent = System.nanoTime();
            client.send(attach("docker-sdk-python/7.1.0"));
            assertThat(client.readHead().status()).isEqualTo(101);
            assertThat(new String(client.readToEof(), StandardCharsets.US_ASCII)).endsWith("now\n");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent))
                    .isGreaterThanOrEqualTo(StreamStartPause.PYTHON_PAUSE_MILLIS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Docker-Client/28.2.2 (linux)", "docker-java/3.7.0", ""})
    void otherClientsGetTheStreamAsItComes(String userAgent) throws Exception {
        assertThat(StreamStartPause.firstWriteNotBefore(request(userAgent), true)).isEqualTo(Long.MIN_VALUE);
        try (DockMockServer server = TestServers.start(Wire.UNIX, WRITES_AT_ONCE);
                RawHttpClient client = TestServers.connect(server)) {
            client.send(attach(userAgent));
            assertThat(client.readHead().status()).isEqualTo(101);
            assertThat(new String(client.readToEof(), StandardCharsets.US_ASCII)).endsWith("now\n");
        }
    }

    @Test
    void onlyAnUpgradedStreamIsHeldBack() {
        // docker-py asks every hijack to upgrade; a plain 200 stream (docker-java's form) is read by other code
        assertThat(StreamStartPause.firstWriteNotBefore(request("docker-sdk-python/7.1.0"), false)).isEqualTo(Long.MIN_VALUE);
        assertThat(StreamStartPause.firstWriteNotBefore(request("docker-sdk-python/7.1.0"), true))
                .isGreaterThan(System.nanoTime());
    }

    private static ApiRequest request(String userAgent) {
        return ApiRequest.of("POST", "/containers/x/attach", Headers.of("User-Agent", userAgent), new byte[0],
                ClientInfo.inMemory());
    }
}
