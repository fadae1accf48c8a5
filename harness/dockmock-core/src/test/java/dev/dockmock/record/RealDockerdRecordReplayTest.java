package dev.dockmock.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.testing.CliSession;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.RealDockerd;
import dev.dockmock.testing.ShortDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker CLI talks to a real dockerd through the recording proxy; then dockerd is stopped and
 * the same commands run against the cassette replayed in strict mode, and print the same output
 * and exit with the same codes, byte for byte: nothing is masked, because the replay answers with
 * exactly what dockerd said (ids, names, timestamps included). The session is
 * {@code fixtures/sessions/docker-cli.session}, the one {@code scripts/record-fixtures} records.
 * Skipped unless root with docker.io and busybox-static installed.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealDockerdRecordReplayTest {
    private final ShortDir dir = ShortDir.create();

    @TempDir
    Path home;

    @AfterEach
    void clean() {
        dir.close();
    }

    private static DockMockServer serve(String host, Dispatcher dispatcher) throws Exception {
        return DockMockServer.builder().host(host).options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(dispatcher).build().start();
    }

    @Test
    void replayShowsTheCliWhatDockerdDid() throws Exception {
        Optional<String> unavailable = RealDockerd.unavailableBecause();
        assumeTrue(unavailable.isEmpty(), () -> "no real dockerd: " + unavailable.orElse(""));
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        Optional<Path> fixtures = CliSession.fixturesDir();
        assumeTrue(fixtures.isPresent(), "fixtures/sessions not found");
        CliSession session = CliSession.load(fixtures.get().resolve("docker-cli.session"));
        DockerCli docker = DockerCli.withHome(home, Duration.ofSeconds(60));
        Path file = dir.path().resolve("session.jsonl");

        List<DockerCli.Result> recorded;
        try (RealDockerd dockerd = RealDockerd.start()) {
            try (CassetteWriter cassette = CassetteWriter.create(file, dockerd.host());
                    RecordingProxy proxy = RecordingProxy.to(DockerHost.parse(dockerd.host()), Optional.empty(), cassette);
                    DockMockServer recorder = serve(dir.socket("rec.sock"), proxy)) {
                recorded = session.run(docker.host(recorder.boundHosts().get(0).toString()));
            } catch (AssertionError | Exception e) {
                System.out.println(dockerd.logTail());
                throw e;
            }
        }
        // kept beside the test reports, to read when something here fails
        Files.copy(file, Path.of("target", "real-dockerd-docker-cli.jsonl"), StandardCopyOption.REPLACE_EXISTING);

        // What dockerd said, so that the replay below is compared with something real.
        assertThat(recorded.get(0).stdout()).as(recorded.get(0).toString()).isEqualTo("hi\n");
        assertThat(recorded.get(1).stdout()).as(recorded.get(1).toString()).matches("[0-9a-f]{64}\n");
        assertThat(recorded.get(3).stdout()).as(recorded.get(3).toString()).isEqualTo("x\n");
        assertThat(recorded.get(4).exitCode()).as(recorded.get(4).toString()).isEqualTo(3);
        assertThat(recorded.get(5).stdout()).as(recorded.get(5).toString()).isEqualTo("hello through stdin\nsecond line\n");
        assertThat(recorded.get(6).stdout()).as(recorded.get(6).toString()).isEqualTo("a\n");
        assertThat(recorded.get(6).stderr()).as(recorded.get(6).toString()).isEqualTo("b\n");
        assertThat(recorded.get(8).stdout()).as(recorded.get(8).toString()).isEqualTo("copied into w1 and back\n");
        assertThat(recorded.get(9).stdout()).as(recorded.get(9).toString()).contains("data.txt", "copied into w1 and back\n");
        assertThat(recorded.get(10).stdout()).as(recorded.get(10).toString()).contains("w1\n", "a1\n");
        assertThat(recorded.get(12).stdout()).as(recorded.get(12).toString()).isEqualTo("w1\n");
        assertThat(recorded.get(13).stdout()).as(recorded.get(13).toString()).isEqualTo("a1\n");
        assertThat(recorded.get(14).exitCode()).as(recorded.get(14).toString()).isEqualTo(1);
        assertThat(recorded.get(14).stderr()).as(recorded.get(14).toString()).contains("No such object: nosuch");

        // dockerd is gone: everything below comes from the cassette.
        Cassette cassette = Cassette.load(file);
        assertThat(cassette.warnings()).isEmpty();
        ReplayDispatcher replay = new ReplayDispatcher(cassette, ReplayOptions.defaults().withMode(ReplayMode.STRICT));
        try (DockMockServer server = serve(dir.socket("rep.sock"), replay)) {
            DockerCli replaying = docker.host(server.boundHosts().get(0).toString());
            for (int i = 0; i < session.commands().size(); i++) {
                CliSession.Command command = session.commands().get(i);
                DockerCli.Result replayed = CliSession.run(replaying, command);
                String context = command + "\nrecorded: " + recorded.get(i) + "\nreplayed: " + replayed
                        + "\nunmatched: " + replay.unmatched();
                assertThat(replayed.exitCode()).as(context).isEqualTo(recorded.get(i).exitCode());
                assertThat(replayed.stdout()).as(context).isEqualTo(recorded.get(i).stdout());
                assertThat(replayed.stderr()).as(context).isEqualTo(recorded.get(i).stderr());
            }
            assertThat(replay.unmatched()).isEmpty();
            assertThat(replay.unused()).isEmpty();

            DockerCli.Result changed = replaying.run("run", "--rm", "--network", "none", "alpine:3.19", "echo", "hi");

            assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(125);
            assertThat(changed.stderr()).as(changed.toString()).contains(
                    "Error response from daemon: dockmock replay: no recorded interaction for POST /containers/create;",
                    "nearest is #", "which differs in body field Image: recorded \"alpine\", got \"alpine:3.19\"");
        }
    }
}
