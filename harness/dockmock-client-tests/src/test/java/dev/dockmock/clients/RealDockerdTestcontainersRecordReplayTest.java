package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.clients.TestcontainersSession.Seen;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Testcontainers 1.21 starts a container on a real dockerd through the recording proxy; then
 * dockerd is stopped and the same start, replayed from the cassette on the same socket (Testcontainers
 * keeps its client for the JVM), looks the same to Testcontainers. Skipped unless root with
 * docker.io and busybox-static installed. The session is {@link TestcontainersSession}; with
 * {@code -Ddockmock.fixtures.out=DIR} the cassette and what Testcontainers showed are also written
 * there ({@code scripts/record-fixtures} commits them, {@link TestcontainersCommittedCassetteTest}
 * replays them).
 *
 * <p>Runs in its own surefire execution ({@code testcontainers-real-dockerd} in the pom), whose
 * environment sets {@code DOCKER_HOST} to the fixed socket, {@code TESTCONTAINERS_RYUK_DISABLED}
 * (Ryuk's published port cannot exist on a daemon started with {@code --bridge=none}) and
 * {@code TESTCONTAINERS_HOST_OVERRIDE} (otherwise, with {@code /.dockerenv} present, Testcontainers
 * inspects the {@code bridge} network that daemon does not have).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealDockerdTestcontainersRecordReplayTest {
    private static DockMockServer serve(Path socket, Dispatcher dispatcher) throws Exception {
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        return DockMockServer.builder().host("unix://" + socket).options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(dispatcher).build().start();
    }

    @Test
    void replayStartsTheContainerAsDockerdDid() throws Exception {
        String socketPath = System.getProperty("dockmock.tcrec.socket");
        assumeTrue(ClientFixtures.inTestcontainersExecution(),
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
            recorded = TestcontainersSession.run();
        }
        Files.copy(file, Path.of("target", "real-dockerd-testcontainers.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(recorded.running()).isTrue();
        assertThat(recorded.logs()).isEqualTo("tc-ready\n");
        if (ClientFixtures.outDir().isPresent()) {
            // a committed cassette must hold Testcontainers' first connection, for a fresh JVM to replay
            assertThat(Cassette.load(file).interactions()).extracting(i -> i.request().path())
                    .as("recorded as the JVM's first Testcontainers session")
                    .containsAll(TestcontainersSession.ONCE_PER_JVM);
        }

        Cassette cassette = Cassette.load(file);
        assertThat(cassette.warnings()).isEmpty();
        // Lenient: Testcontainers keeps what it learnt for the JVM, so the second start skips the
        // first one's API negotiation (/_ping, /info, /version) and its local image listing.
        ReplayDispatcher replay = new ReplayDispatcher(cassette, ReplayOptions.defaults().withMode(ReplayMode.LENIENT));
        Seen replayed;
        try (DockMockServer server = serve(socket, replay)) {
            replayed = TestcontainersSession.run();
        } catch (RuntimeException e) {
            throw new AssertionError("replay failed; unmatched: " + replay.unmatched(), e);
        }
        assertThat(replay.unmatched()).isEmpty();
        assertThat(replayed).isEqualTo(recorded);
        assertThat(replay.unused()).extracting(i -> i.request().path())
                .allMatch(path -> TestcontainersSession.ONCE_PER_JVM.contains(path), "only what Testcontainers asks once per JVM");
        ClientFixtures.saveIfAsked(TestcontainersSession.NAME, file, recorded);
    }
}
