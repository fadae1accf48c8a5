package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code setDispatcher} while clients are connected: new requests go to the new one, streams finish on the old. */
@Timeout(30)
class DispatcherSwapTest {

    @ParameterizedTest
    @EnumSource(Wire.class)
    void newRequestsReachTheNewDispatcherWhileARunningStreamFinishesOnTheOld(Wire wire) throws Exception {
        CountDownLatch[] gates = StreamedResponseTest.gates(3);
        Dispatcher first = TestRoutes.daemon(StreamedResponseTest.gatedEvents(gates));
        Dispatcher second = request -> ApiResponse.text(200, "second");
        try (DockMockServer server = TestServers.start(wire, first);
                RawHttpClient idle = TestServers.connect(server);
                RawHttpClient streaming = TestServers.connect(server)) {
            assertThat(idle.exchange(request("GET", "/_ping")).bodyText()).isEqualTo("OK");
            streaming.send(request("GET", "/events"));
            assertThat(streaming.readHead().status()).isEqualTo(200);
            gates[0].countDown();
            assertThat(new String(streaming.readChunk(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":0}\n");

            assertThat(server.setDispatcher(second)).isSameAs(first);
            assertThat(server.dispatcher()).isSameAs(second);

            assertThat(idle.exchange(request("GET", "/_ping")).bodyText()).isEqualTo("second");
            try (RawHttpClient fresh = TestServers.connect(server)) {
                assertThat(fresh.exchange(request("GET", "/_ping")).bodyText()).isEqualTo("second");
            }
            gates[1].countDown();
            assertThat(new String(streaming.readChunk(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}\n");
            gates[2].countDown();
            assertThat(new String(streaming.readChunk(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}\n");
            assertThat(streaming.readChunk()).isNull();
            RawResponse after = streaming.exchange(request("GET", "/_ping"));
            assertThat(after.bodyText()).isEqualTo("second");
        }
    }
}
