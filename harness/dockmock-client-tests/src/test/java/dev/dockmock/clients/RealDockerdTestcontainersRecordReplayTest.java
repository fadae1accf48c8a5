package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.record.RecordingProxy;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.testing.RealDockerd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers 1.21 starts a container on a real dockerd through the recording proxy; then
 * dockerd is stopped and the same start, replayed from the cassette on the same socket (Testcontainers
 * keeps its client for the JVM), looks the same to Testcontainers. Skipped unless root with
 * docker.io and busybox-static installed.
 *
 * <p>Runs in its own surefire execution ({@code testcontainers-real-dockerd} in the pom), whose
 * environment sets {@code DOCKER_HOST} to the fixed socket, {@code TESTCONTAINERS_RYUK_DISABLED}
 * (Ryuk's published port cannot exist on a daemon started with {@code --bridge=none}) and
 * {@code TESTCONTAINERS_HOST_OVERRIDE} (otherwise, with {@code /.dockerenv} present, Testcontainers
 * inspects the {@code bridge} network that daemon does not have).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealDockerdTestcontainersRecordReplayTest {
    private static final int STALE_PROBES = 5;
    private static final Set<String> ONCE_PER_JVM = Set.of("/_ping", "/info", "/version", "/images/json");

    /** What Testcontainers showed of the container. */
    record Seen(boolean running, String logs) {
    }

    private static DockMockServer serve(Path socket, Dispatcher dispatcher) throws Exception {
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        return DockMockServer.builder().host("unix://" + socket).options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(dispatcher).build().start();
    }

    private static Seen startAndStop() {
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
     * them before reuse; those to the recorder are dead once it stops, and a POST on one fails with
     * "Broken pipe". GET /version (served from the cassette as often as asked) uses them up.
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

    @Test
    void replayStartsTheContainerAsDockerdDid() throws Exception {
        String socketPath = System.getProperty("dockmock.tcrec.socket");
        assumeTrue(socketPath != null && "true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED")),
                "runs in the testcontainers-real-dockerd surefire execution");
        Optional<String> unavailable = RealDockerd.unavailableBecause();
        assumeTrue(unavailable.isEmpty(), () -> "no real dockerd: " + unavailable.orElse(""));
        Path socket = Path.of(socketPath);
        assertThat(System.getenv("DOCKER_HOST")).isEqualTo("unix://" + socket);
        Path file = Files.createTempDirectory(Path.of("/tmp"), "dmtc").resolve("testcontainers.jsonl");

        Seen recorded;
        try (RealDockerd dockerd = RealDockerd.start();
                CassetteWriter cassette = CassetteWriter.create(file, dockerd.host());
                RecordingProxy proxy = RecordingProxy.to(DockerHost.parse(dockerd.host()), Optional.empty(), cassette);
                DockMockServer recorder = serve(socket, proxy)) {
            recorded = startAndStop();
        }
        Files.copy(file, Path.of("target", "real-dockerd-testcontainers.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(recorded.running()).isTrue();
        assertThat(recorded.logs()).isEqualTo("tc-ready\n");

        Cassette cassette = Cassette.load(file);
        assertThat(cassette.warnings()).isEmpty();
        // Lenient: Testcontainers keeps what it learnt for the JVM, so the second start skips the
        // first one's API negotiation (/_ping, /info, /version) and its local image listing.
        ReplayDispatcher replay = new ReplayDispatcher(cassette, ReplayOptions.defaults().withMode(ReplayMode.LENIENT));
        Seen replayed;
        try (DockMockServer server = serve(socket, replay)) {
            dropStaleConnections();
            replayed = startAndStop();
        } catch (RuntimeException e) {
            throw new AssertionError("replay failed; unmatched: " + replay.unmatched(), e);
        }
        assertThat(replay.unmatched()).isEmpty();
        assertThat(replayed).isEqualTo(recorded);
        assertThat(replay.unused()).extracting(i -> i.request().path())
                .allMatch(path -> ONCE_PER_JVM.contains(path), "only what Testcontainers asks once per JVM");
    }
}
