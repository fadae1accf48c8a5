package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
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
import dev.dockmock.testing.ShortDir;
import dev.dockmock.clients.DockerJavaSession.Seen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docker-java 3.7 (zerodep transport) talks to a real dockerd through the recording proxy; then
 * dockerd is stopped and the same calls, replayed strictly from the cassette, give the same
 * answers. Skipped unless root with docker.io and busybox-static installed. The calls are
 * {@link DockerJavaSession}; with {@code -Ddockmock.fixtures.out=DIR} the cassette and what
 * docker-java showed are also written there ({@code scripts/record-fixtures} commits them, and
 * {@link DockerJavaCommittedCassetteTest} replays them).
 *
 * <p>Testcontainers against the real daemon is {@link RealDockerdTestcontainersRecordReplayTest},
 * in its own surefire execution.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealDockerdDockerJavaRecordReplayTest {
    private final ShortDir dir = ShortDir.create();

    @AfterEach
    void clean() {
        dir.close();
    }

    private static DockMockServer serve(String host, Dispatcher dispatcher) throws Exception {
        return DockMockServer.builder().host(host).options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(dispatcher).build().start();
    }

    @Test
    void replayAnswersDockerJavaAsDockerdDid() throws Exception {
        // -Dtest=... selects classes in every surefire execution; this one belongs to the default one
        assumeFalse(ClientFixtures.inTestcontainersExecution(), "runs in the default surefire execution");
        Optional<String> unavailable = RealDockerd.unavailableBecause();
        assumeTrue(unavailable.isEmpty(), () -> "no real dockerd: " + unavailable.orElse(""));
        Path file = dir.path().resolve("docker-java.jsonl");

        Seen recorded;
        try (RealDockerd dockerd = RealDockerd.start();
                CassetteWriter cassette = CassetteWriter.create(file, dockerd.host());
                RecordingProxy proxy = RecordingProxy.to(DockerHost.parse(dockerd.host()), Optional.empty(), cassette);
                DockMockServer recorder = serve(dir.socket("rec.sock"), proxy)) {
            recorded = DockerJavaSession.run(recorder.boundHosts().get(0).toString());
        }
        Files.copy(file, Path.of("target", "real-dockerd-docker-java.jsonl"), StandardCopyOption.REPLACE_EXISTING);

        assertThat(recorded.id()).matches("[0-9a-f]{64}");
        assertThat(recorded.logs()).contains("STDOUT: out\n", "STDERR: err\n");
        assertThat(recorded.exitCode()).isEqualTo(4);
        assertThat(recorded.name()).isEqualTo("/dj1");
        assertThat(recorded.networkMode()).isEqualTo("none");
        assertThat(recorded.state()).isEqualTo("exited");

        Cassette cassette = Cassette.load(file);
        assertThat(cassette.warnings()).isEmpty();
        ReplayDispatcher replay = new ReplayDispatcher(cassette, ReplayOptions.defaults().withMode(ReplayMode.STRICT));
        Seen replayed;
        try (DockMockServer server = serve(dir.socket("rep.sock"), replay)) {
            replayed = DockerJavaSession.run(server.boundHosts().get(0).toString());
        }
        assertThat(replayed).as("unmatched: " + replay.unmatched()).isEqualTo(recorded);
        assertThat(replay.unmatched()).isEmpty();
        assertThat(replay.unused()).isEmpty();
        ClientFixtures.saveIfAsked(DockerJavaSession.NAME, file, recorded);
    }
}
