package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers 1.21 session recorded from a real dockerd into
 * {@code fixtures/sessions/testcontainers.jsonl}: start {@code GenericContainer("alpine:3.20")}
 * with network mode {@code none}, wait for a log line, read its logs, stop it. The same code runs
 * against dockerd (through the recorder) and against the replays, always on {@code DOCKER_HOST}
 * (Testcontainers keeps one client for the JVM), so it needs the environment of the
 * {@code testcontainers-real-dockerd} surefire execution.
 */
final class TestcontainersSession {
    static final String NAME = "testcontainers";

    /**
     * Asked once per JVM, on Testcontainers' first connection: a replay in a JVM that has already
     * connected leaves them unused.
     */
    static final Set<String> ONCE_PER_JVM = Set.of("/_ping", "/info", "/version", "/images/json");

    /** Differs in every JVM; left out of body comparison when replaying. */
    static final String SESSION_ID_LABEL = "/Labels/org.testcontainers.sessionId";

    private static final int STALE_PROBES = 5;
    private static final AtomicBoolean CONNECTED = new AtomicBoolean();

    /** What Testcontainers showed of the container. */
    record Seen(boolean running, String logs) {
    }

    private TestcontainersSession() {
    }

    static Seen run() {
        if (CONNECTED.getAndSet(true)) {
            dropStaleConnections();
        }
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("alpine:3.20"))
                .withNetworkMode("none")
                .withCommand("sh", "-c", "echo tc-ready; sleep 300")
                .waitingFor(Wait.forLogMessage(".*tc-ready.*", 1))) {
            container.start();
            Seen seen = new Seen(container.isRunning(), container.getLogs());
            container.stop();
            assertThat(container.isRunning()).isFalse();
            return seen;
        }
    }

    /**
     * Testcontainers' HTTP client keeps idle keep-alive connections for the JVM and never checks
     * them before reuse; those to a server that has stopped since (the recorder, an earlier
     * replay) are dead, and a POST on one fails with "Broken pipe". GET /version (a probe, served
     * from a cassette as often as asked) uses them up.
     */
    private static void dropStaleConnections() {
        for (int i = 0; i < STALE_PROBES; i++) {
            try {
                DockerClientFactory.instance().client().versionCmd().exec();
            } catch (RuntimeException stale) {
                // that connection is closed now
            }
        }
    }
}
