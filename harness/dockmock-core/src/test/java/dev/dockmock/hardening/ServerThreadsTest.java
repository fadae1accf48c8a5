package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import dev.dockmock.engine.Daemons;
import dev.dockmock.engine.DaemonIdentity;
import org.junit.jupiter.api.Test;

/** The server's own threads: none before it starts, none after it closes. */
class ServerThreadsTest {

    @Test
    void aServerHoldsThreadsOnlyWhileItRuns() throws Exception {
        long before = dockmockThreads();
        DockMockServer server = DockMockServer.builder().host(Wire.freshUnix()).options(TestServers.quietOptions())
                .dispatcher(Daemons.minimal(DaemonIdentity.defaults())).build();
        assertThat(dockmockThreads()).as("built, not started").isEqualTo(before);
        server.start();
        try (RawHttpClient client = RawHttpClient.connect(server.boundHosts().get(0))) {
            assertThat(client.exchange(RawHttpClient.request("GET", "/_ping")).status()).isEqualTo(200);
            assertThat(dockmockThreads()).as("reaper, acceptor, connection").isGreaterThan(before);
        }
        server.close();
        long end = System.currentTimeMillis() + 5000;
        while (dockmockThreads() > before && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertThat(dockmockThreads()).as("closed").isEqualTo(before);
    }

    private static long dockmockThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("dockmock-")).count();
    }
}
