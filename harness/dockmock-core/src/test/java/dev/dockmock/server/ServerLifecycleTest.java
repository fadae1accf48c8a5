package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Binding, reporting and releasing listeners, and what is refused at start. */
@Timeout(30)
class ServerLifecycleTest {

    static DockMockServer.Builder builder() {
        return DockMockServer.builder().options(TestServers.quietOptions()).dispatcher(TestRoutes.daemon());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    static void assertPings(DockerHost host) throws IOException {
        try (RawHttpClient client = RawHttpClient.connect(host)) {
            assertThat(client.exchange(request("GET", "/_ping")).bodyText()).isEqualTo("OK");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void startFailsAsAWholeAndReleasesWhatItHadBound(Wire firstWire) throws Exception {
        DockerHost first = firstWire == Wire.TCP ? new DockerHost.Tcp("127.0.0.1", freePort()) : Wire.freshUnix();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DockerHost busy = new DockerHost.Tcp("127.0.0.1", taken.getLocalPort());
            DockMockServer server = builder().host(first).host(busy).build();
            assertThatThrownBy(server::start).isInstanceOf(IOException.class)
                    .hasMessageContaining(busy.toString())
                    .hasMessageContaining("different port");
            assertThat(server.boundHosts()).isEmpty();
            if (first instanceof DockerHost.Tcp tcp) {
                try (ServerSocket again = new ServerSocket()) {
                    again.bind(new InetSocketAddress("127.0.0.1", tcp.port()));
                }
            } else {
                assertThat(((DockerHost.Unix) first).path()).doesNotExist();
            }
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void boundHostsReportWhereTheServerReallyListens(Wire wire) throws Exception {
        DockerHost asked = wire.host();
        try (DockMockServer server = builder().host(asked).build().start()) {
            DockerHost bound = server.boundHosts().get(0);
            if (bound instanceof DockerHost.Tcp tcp) {
                assertThat(tcp.port()).isPositive();
                assertThat(tcp.host()).isEqualTo("127.0.0.1");
            } else {
                assertThat(bound).isEqualTo(asked);
            }
            assertPings(bound);
        }
    }

    @Test
    void servesSeveralHostsAtOnce() throws Exception {
        DockerHost.Unix unix = Wire.freshUnix();
        try (DockMockServer server = builder().host(unix).host("tcp://127.0.0.1:0").build().start()) {
            assertThat(server.boundHosts()).hasSize(2).first().isEqualTo(unix);
            server.boundHosts().forEach(host -> {
                try {
                    assertPings(host);
                } catch (IOException e) {
                    throw new AssertionError(host.toString(), e);
                }
            });
        }
    }

    @Test
    void closeBeforeStartAndTwiceIsHarmless() throws Exception {
        DockMockServer never = builder().host(Wire.freshUnix()).build();
        never.close();
        DockMockServer twice = builder().host("tcp://127.0.0.1:0").build().start();
        twice.close();
        twice.close();
        assertThat(twice.openConnections()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closedServerCannotBeStartedAgain(Wire wire) throws Exception {
        DockerHost host = wire.host();
        DockMockServer server = builder().host(host).build().start();
        server.close();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        DockMockServer never = builder().host(wire.host()).build();
        never.close();
        assertThatThrownBy(never::start).isInstanceOf(IllegalStateException.class);
        if (host instanceof DockerHost.Unix unix) {
            assertThat(unix.path()).doesNotExist();
        }
    }
}
