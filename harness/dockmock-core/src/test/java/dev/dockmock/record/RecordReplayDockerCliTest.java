package dev.dockmock.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.ShortDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real docker CLI records a session of the fake engine through the recording proxy (A: the
 * engine, B: the proxy in front of A), then runs the same commands against the cassette replayed
 * on C and sees the same output and exit codes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RecordReplayDockerCliTest {
    // "web", not "w": dockerd (and the engine) want container names of two characters or more.
    private static final List<List<String>> SESSION = List.of(
            List.of("run", "--rm", "alpine", "echo", "hi"),
            List.of("run", "-d", "--name", "web", "alpine", "sleep", "100"),
            List.of("logs", "web"),
            List.of("exec", "web", "echo", "x"),
            List.of("ps"),
            List.of("inspect", "nosuch"),
            List.of("rm", "-f", "web"));

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

    private static DockerCli.Result run(DockerCli docker, DockMockServer server, List<String> command) throws Exception {
        List<String> args = new ArrayList<>(List.of("-H", server.boundHosts().get(0).toString()));
        args.addAll(command);
        return docker.run(args.toArray(new String[0]));
    }

    /**
     * {@code docker ps} prints CREATED relative to now, which moved on between recording and
     * replay, and pads its columns to the longest text.
     */
    private static String stable(String output) {
        return output.replaceAll("(Less than a second|About a minute|\\d+ seconds?|About an? \\w+|\\d+ \\w+) ago", "… ago")
                .replaceAll(" {2,}", "  ");
    }

    @Test
    void replayShowsTheCliWhatTheRecordingDid() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        DockerCli docker = DockerCli.withHome(home, Duration.ofSeconds(30));
        Path file = dir.path().resolve("session.jsonl");
        List<DockerCli.Result> recorded = new ArrayList<>();

        try (Engine engine = Engine.create(EngineConfig.defaults().withSeedImages(List.of("alpine:latest")));
                DockMockServer a = serve(dir.socket("a.sock"), engine.dispatcher());
                CassetteWriter cassette = CassetteWriter.create(file, a.boundHosts().get(0).toString());
                RecordingProxy proxy = RecordingProxy.to(a.boundHosts().get(0), Optional.empty(), cassette);
                DockMockServer b = serve(dir.socket("b.sock"), proxy)) {
            for (List<String> command : SESSION) {
                recorded.add(run(docker, b, command));
            }
        }

        assertThat(recorded.get(0).stdout()).as(recorded.get(0).toString()).isEqualTo("hi\n");
        assertThat(recorded.get(1).stdout()).as(recorded.get(1).toString()).matches("[0-9a-f]{64}\n");
        assertThat(recorded.get(3).stdout()).as(recorded.get(3).toString()).isEqualTo("x\n");
        assertThat(recorded.get(4).stdout()).as(recorded.get(4).toString()).contains("sleep 100", " web\n");
        assertThat(recorded.get(5).exitCode()).as(recorded.get(5).toString()).isEqualTo(1);
        assertThat(recorded.get(6).stdout()).as(recorded.get(6).toString()).isEqualTo("web\n");

        // kept beside the test reports, to read when something here fails
        java.nio.file.Files.copy(file, Path.of("target", "record-replay-docker-cli.jsonl"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Cassette cassette = Cassette.load(file);
        assertThat(cassette.warnings()).isEmpty();
        ReplayDispatcher replay = new ReplayDispatcher(cassette, ReplayOptions.defaults().withMode(ReplayMode.STRICT));
        try (DockMockServer c = serve(dir.socket("c.sock"), replay)) {
            for (int i = 0; i < SESSION.size(); i++) {
                DockerCli.Result replayed = run(docker, c, SESSION.get(i));
                String context = "docker " + String.join(" ", SESSION.get(i)) + "\nrecorded: " + recorded.get(i)
                        + "\nreplayed: " + replayed + "\nunmatched: " + replay.unmatched();
                assertThat(replayed.exitCode()).as(context).isEqualTo(recorded.get(i).exitCode());
                assertThat(stable(replayed.stdout())).as(context).isEqualTo(stable(recorded.get(i).stdout()));
                assertThat(replayed.stderr()).as(context).isEqualTo(recorded.get(i).stderr());
            }
            assertThat(replay.unmatched()).isEmpty();
            assertThat(replay.unused()).isEmpty();

            DockerCli.Result changed = run(docker, c, List.of("run", "--rm", "alpine:3.19", "echo", "hi"));

            assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(125);
            assertThat(changed.stderr()).as(changed.toString()).contains(
                    "Error response from daemon: dockmock replay: no recorded interaction for POST /containers/create;",
                    "nearest is #", "which differs in body field Image: recorded \"alpine\", got \"alpine:3.19\"");
        }
        replay.verify();
    }
}
