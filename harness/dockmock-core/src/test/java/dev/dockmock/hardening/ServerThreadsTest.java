package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import dev.dockmock.engine.Daemons;
import dev.dockmock.engine.DaemonIdentity;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The server's own threads: none before it starts, none after it closes. */
class ServerThreadsTest {

    // Other tests' servers may still be winding down in this JVM: only threads born during this
    // test count, so a count that falls while it runs cannot pass or fail it by accident.
    @Test
    void aServerHoldsThreadsOnlyWhileItRuns() throws Exception {
        Set<Thread> before = dockmockThreads();
        DockMockServer server = DockMockServer.builder().host(Wire.freshUnix()).options(TestServers.quietOptions())
                .dispatcher(Daemons.minimal(DaemonIdentity.defaults())).build();
        assertThat(bornSince(before)).as("built, not started").isEmpty();
        server.start();
        try (RawHttpClient client = RawHttpClient.connect(server.boundHosts().get(0))) {
            assertThat(client.exchange(RawHttpClient.request("GET", "/_ping")).status()).isEqualTo(200);
            assertThat(bornSince(before)).as("reaper, acceptor, connection").isNotEmpty();
        }
        server.close();
        long end = System.currentTimeMillis() + 5000;
        while (!bornSince(before).isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertThat(bornSince(before)).as("closed").isEmpty();
    }

    private static Set<String> bornSince(Set<Thread> before) {
        return dockmockThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private static Set<Thread> dockmockThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("dockmock-")).collect(Collectors.toSet());
    }
}
