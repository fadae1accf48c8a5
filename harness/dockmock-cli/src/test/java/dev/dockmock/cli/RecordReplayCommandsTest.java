package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.ShortDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockmock record}, {@code cassette} and {@code replay} in this JVM: the real docker CLI
 * records {@code docker run --rm alpine echo hi} from the fake engine, then sees the same from the
 * replayed cassette.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecordReplayCommandsTest {
    private final ShortDir dir = ShortDir.create();

    @TempDir
    Path home;

    @AfterEach
    void clean() {
        dir.close();
    }

    @Test
    void recordCheckShowAndReplayADockerRun() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        Path file = dir.path().resolve("run.jsonl");
        DockerCli.Result recorded;
        Capture recordOut = new Capture();
        Capture recordErr = new Capture();
        try (Engine engine = Engine.create(EngineConfig.defaults().withSeedImages(List.of("alpine:latest")));
                DockMockServer daemon = DockMockServer.builder().host(dir.socket("e.sock"))
                        .options(ServerOptions.defaults().withLog(line -> { })).dispatcher(engine.dispatcher()).build().start()) {
            RecordSession recorder = RecordSession.start(RecordArgs.parse(new String[] {"--upstream", dir.socket("e.sock"),
                    "--host", dir.socket("r.sock"), "--out", file.toString(), "--redact", "MODE"}), recordOut.stream, recordErr.stream);
            try {
                recorded = DockerCli.withHome(home, Duration.ofSeconds(30)).host(dir.socket("r.sock"))
                        .run("run", "--rm", "-e", "MODE=dev", "-e", "DB_PASSWORD=hunter2", "alpine", "echo", "hi");
            } finally {
                assertThat(recorder.stop()).isZero();
            }
        }

        assertThat(recorded.exitCode()).as(recorded.toString()).isZero();
        assertThat(recorded.stdout()).isEqualTo("hi\n");
        assertThat(recordErr.text()).isEmpty();
        assertThat(recordOut.text()).contains("dockmock recording " + dir.socket("e.sock") + " into " + file,
                "export DOCKER_HOST=" + dir.socket("r.sock"), "dockmock: stopping");
        int count = Cassette.load(file).interactions().size();
        assertThat(recordOut.text()).contains("dockmock: recorded " + count + " interactions into " + file);
        String text = Files.readString(file);
        assertThat(text).contains("\"MODE=***\"", "\"DB_PASSWORD=***\"").doesNotContain("hunter2", "MODE=dev");

        Capture.Result check = Capture.main("cassette", "check", file.toString());
        assertThat(check.code()).as(check.toString()).isZero();
        // The CLI hangs up once it has the wait status, which may be before the daemon's end of that
        // stream reaches the proxy: the wait is recorded complete or cut short, and replays either way.
        assertThat(check.out()).contains(file + ": dockmock cassette version 1, recorded ", "no warnings")
                .containsPattern(count + " interactions: " + (count - 2) + " plain, 1 stream \\([01] cut short\\), 1 hijacked");

        Capture.Result show = Capture.main("cassette", "show", file.toString());
        assertThat(show.code()).as(show.toString()).isZero();
        assertThat(show.out()).contains("recorded ", " from " + dir.socket("e.sock"), "HEAD /_ping -> 200",
                "POST /containers/create -> 201", "application/json",
                "/attach?stderr=1&stdout=1&stream=1 -> 101", "hijacked, upgraded: client sent 0 B and closed stdin; server sent 11 B (stdout 3 B) and closed",
                "/wait?condition=removed -> 200", "stream of 1 message (30 B)");
        assertThat(show.out()).doesNotContainPattern("/containers/[0-9a-f]{13}");
        assertThat(Capture.main("cassette", "show", "--no-trunc", file.toString()).out()).containsPattern("/containers/[0-9a-f]{64}/start");

        Capture replayOut = new Capture();
        ReplaySession replay = ReplaySession.start(ReplayArgs.parse(new String[] {file.toString(), "--host", dir.socket("p.sock"),
                "--strict", "--pace", "recorded", "--fail-on-unused", "--redact", "MODE"}), replayOut.stream, new Capture().stream);
        DockerCli.Result replayed;
        try {
            replayed = DockerCli.withHome(home, Duration.ofSeconds(30)).host(dir.socket("p.sock"))
                    .run("run", "--rm", "-e", "MODE=dev", "-e", "DB_PASSWORD=hunter2", "alpine", "echo", "hi");
        } finally {
            assertThat(replay.stop()).as(replayOut.text()).isZero();
        }
        assertThat(replayed.exitCode()).as(replayed + "\n" + replayOut.text()).isZero();
        assertThat(replayed.stdout()).isEqualTo("hi\n");
        assertThat(replayed.stderr()).isEqualTo(recorded.stderr());
        assertThat(replayOut.text()).contains("dockmock replaying " + file + " (" + count + " interactions, recorded from "
                + dir.socket("e.sock") + "; strict, recorded pace)", "export DOCKER_HOST=" + dir.socket("p.sock"),
                "dockmock: served " + count + " of " + count + " recorded interactions", "dockmock: 0 unmatched requests",
                "dockmock: 0 unused interactions");
    }

    @Test
    void replayStopListsUnmatchedAndUnusedAndFailsOnUnusedWhenAsked() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        Path file = dir.path().resolve("ping.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"dockmock-cassette\":1,\"recorded\":\"2026-11-25T20:05:40.370Z\",\"source\":\"hand-written\"}",
                "{\"id\":1,\"at\":0,\"request\":{\"method\":\"HEAD\",\"target\":\"/_ping\",\"path\":\"/_ping\",\"query\":{},\"headers\":{}},"
                        + "\"response\":{\"status\":200,\"headers\":{\"Api-Version\":\"1.50\",\"Ostype\":\"linux\"},\"latency\":1}}",
                "{\"id\":2,\"at\":5,\"request\":{\"method\":\"GET\",\"target\":\"/v1.50/containers/json\",\"path\":\"/containers/json\","
                        + "\"query\":{},\"headers\":{}},\"response\":{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                        + "\"latency\":1,\"body\":[]}}", ""));

        Capture out = new Capture();
        ReplaySession replay = ReplaySession.start(ReplayArgs.parse(new String[] {file.toString(), "-H", dir.socket("p.sock"),
                "--fail-on-unused"}), out.stream, new Capture().stream);
        DockerCli.Result images;
        try {
            images = DockerCli.withHome(home, Duration.ofSeconds(30)).host(dir.socket("p.sock")).run("images");
        } finally {
            assertThat(replay.stop()).isEqualTo(1);
        }

        assertThat(images.exitCode()).isEqualTo(1);
        assertThat(images.stderr()).contains("dockmock replay: no recorded interaction for GET /images/json");
        assertThat(out.text()).contains("dockmock: served 1 of 2 recorded interactions", "dockmock: 1 unmatched request:",
                "  dockmock replay: no recorded interaction for GET /images/json", "dockmock: 1 unused interaction:",
                "  #2 GET /containers/json", "dockmock: failing (--fail-on-unused)");
    }
}
