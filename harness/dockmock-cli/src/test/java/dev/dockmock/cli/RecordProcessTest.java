package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.Interaction;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.ShortDir;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockmock record} as its own process, in front of a fake engine in this JVM, driven by the
 * real docker CLI: killed with SIGKILL in the middle of a session, it leaves a cassette that loads
 * and replays; stopped with SIGTERM, it exits 0 and says how much it recorded.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RecordProcessTest {
    private final ShortDir dir = ShortDir.create();
    private final CountDownLatch following = new CountDownLatch(1);
    private Engine engine;
    private DockMockServer daemon;
    private Process recorder;

    @TempDir
    Path home;

    @BeforeEach
    void startEngine() throws IOException {
        engine = Engine.create(EngineConfig.defaults().withSeedImages(List.of("alpine:latest")));
        Dispatcher engineDispatcher = engine.dispatcher();
        Dispatcher noticeFollow = request -> {
            if (request.path().endsWith("/logs") && request.query().asMap().getOrDefault("follow", List.of()).contains("1")) {
                following.countDown();
            }
            return engineDispatcher.dispatch(request);
        };
        daemon = DockMockServer.builder().host(dir.socket("e.sock")).options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(noticeFollow).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        if (recorder != null && recorder.isAlive()) {
            recorder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        daemon.close();
        engine.close();
        dir.close();
    }

    /** Starts {@code dockmock record} in a child JVM; its output lines arrive on {@code lines}. */
    private Process startRecorder(Path file, BlockingQueue<String> lines) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "record",
                "--upstream", dir.socket("e.sock"), "--host", dir.socket("r.sock"), "--out", file.toString())
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
            lines.add("<end>");
        }, "recorder-output");
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix, StringBuilder seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.equals("<end>")) {
                break;
            }
        }
        throw new AssertionError("the recorder never printed \"" + prefix + "\"; it printed:\n" + seen);
    }

    @Test
    void killedMidSessionItLeavesACassetteThatChecksAndReplays() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        Path file = dir.path().resolve("killed.jsonl");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        recorder = startRecorder(file, lines);
        StringBuilder seen = new StringBuilder();
        assertThat(awaitLine(lines, "  export DOCKER_HOST=", seen)).isEqualTo("  export DOCKER_HOST=" + dir.socket("r.sock"));
        DockerCli docker = DockerCli.withHome(home, Duration.ofSeconds(30)).host(dir.socket("r.sock"));

        DockerCli.Result run = docker.run("run", "--rm", "alpine", "echo", "hi");
        DockerCli.Result detached = docker.run("run", "-d", "--name", "web", "alpine", "sleep", "100");
        DockerCli.Result logs = docker.run("logs", "web");
        // the session goes on: a follow that the recorder is in the middle of when it dies
        CompletableFuture<DockerCli.Result> follow = CompletableFuture.supplyAsync(() -> DockerCli.run(
                DockerHost.parse(dir.socket("r.sock")), Duration.ofSeconds(30), Map.of(), "logs", "-f", "web"));
        assertThat(following.await(30, TimeUnit.SECONDS)).as("the follow reached the daemon through the recorder").isTrue();
        recorder.destroyForcibly();
        assertThat(recorder.waitFor(10, TimeUnit.SECONDS)).isTrue();
        DockerCli.Result cut = follow.get(40, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("hi\n");
        assertThat(detached.stdout()).as(detached.toString()).matches("[0-9a-f]{64}\n");
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(cut.exitCode()).as("docker logs -f lost its daemon: " + cut).isNotZero();

        Capture.Result check = Capture.main("cassette", "check", file.toString());
        assertThat(check.code()).as(check.toString()).isZero();
        assertThat(check.out()).contains("dockmock cassette version 1", " from " + dir.socket("e.sock"));
        List<Interaction> kept = Cassette.load(file).interactions();
        assertThat(kept).extracting(i -> i.request().describe()).contains("POST /containers/create?name=web")
                .anyMatch(d -> d.matches("GET /containers/[0-9a-f]{64}/logs\\?stderr=1&stdout=1&tail=all"))
                .noneMatch(d -> d.contains("follow=1"));

        Capture replayOut = new Capture();
        ReplaySession replay = ReplaySession.start(ReplayArgs.parse(new String[] {file.toString(), "-H", dir.socket("p.sock")}),
                replayOut.stream, new Capture().stream);
        DockerCli.Result replayed;
        try {
            replayed = DockerCli.withHome(home, Duration.ofSeconds(30)).host(dir.socket("p.sock")).run("run", "--rm", "alpine", "echo", "hi");
        } finally {
            replay.stop();
        }
        assertThat(replayed.exitCode()).as(replayed + "\n" + replayOut.text()).isZero();
        assertThat(replayed.stdout()).isEqualTo(run.stdout());
        assertThat(replayed.stderr()).isEqualTo(run.stderr());
        assertThat(replayOut.text()).contains("dockmock: 0 unmatched requests");
    }

    @Test
    void sigtermStopsItCleanlyAndItSaysWhatItRecorded() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        Path file = dir.path().resolve("stopped.jsonl");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        recorder = startRecorder(file, lines);
        StringBuilder seen = new StringBuilder();
        awaitLine(lines, "Press Ctrl-C to stop.", seen);

        DockerCli.Result version = DockerCli.withHome(home, Duration.ofSeconds(30)).host(dir.socket("r.sock")).run("version");
        // Not Process.destroy(): it closes this side of the child's pipes, and the last lines with them.
        Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(recorder.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -TERM").isTrue();
        assertThat(recorder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        seen.append("(exit ").append(recorder.exitValue()).append(")\n");
        String last = awaitLine(lines, "dockmock: recorded ", seen);

        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(recorder.exitValue()).as(seen.toString()).isZero();
        int count = Cassette.load(file).interactions().size();
        assertThat(count).isPositive();
        assertThat(last).isEqualTo("dockmock: recorded " + count + (count == 1 ? " interaction" : " interactions") + " into " + file);
    }
}
