package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.RealDockerd;
import dev.dockmock.testing.ShortDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockmock record} in a child JVM in front of a real dockerd, killed with SIGKILL while
 * {@code docker logs -f} streams through it: the cassette still loads and replays what completed.
 * Skipped unless root with docker.io and busybox-static installed.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealDockerdKillNineTest {
    private final ShortDir dir = ShortDir.create();
    private Process recorder;

    @TempDir
    Path home;

    @AfterEach
    void stop() throws Exception {
        if (recorder != null && recorder.isAlive()) {
            recorder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        dir.close();
    }

    @Test
    void killedMidStreamItLeavesACassetteThatReplays() throws Exception {
        Optional<String> unavailable = RealDockerd.unavailableBecause();
        assumeTrue(unavailable.isEmpty(), () -> "no real dockerd: " + unavailable.orElse(""));
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        Path file = dir.path().resolve("killed.jsonl");
        String socket = dir.socket("r.sock");
        DockerCli.Result run;
        DockerCli.Result cut;
        try (RealDockerd dockerd = RealDockerd.start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            recorder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "record",
                    "--upstream", dockerd.host(), "--host", socket, "--out", file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.path().resolve("recorder.out").toFile()).start();
            Path sock = Path.of(socket.substring("unix://".length()));
            for (int i = 0; i < 300 && !Files.exists(sock); i++) {
                Thread.sleep(100);
            }
            assertThat(sock).exists();
            DockerCli docker = DockerCli.withHome(home, Duration.ofSeconds(60)).host(socket);
            run = docker.run("run", "--rm", "--network", "none", "alpine", "echo", "hi");
            DockerCli.Result detached = docker.run("run", "-d", "--name", "k1", "--network", "none", "alpine",
                    "sh", "-c", "echo started; sleep 100");
            assertThat(detached.exitCode()).as(detached.toString()).isZero();
            CompletableFuture<DockerCli.Result> follow = CompletableFuture.supplyAsync(() -> DockerCli.run(
                    DockerHost.parse(socket), Duration.ofSeconds(60), Map.of(), "logs", "-f", "k1"));
            Thread.sleep(2000); // the follow is streaming through the recorder
            recorder.destroyForcibly();
            assertThat(recorder.waitFor(10, TimeUnit.SECONDS)).isTrue();
            cut = follow.get(60, TimeUnit.SECONDS);
        }

        assertThat(run.stdout()).as(run.toString()).isEqualTo("hi\n");
        assertThat(cut.stdout()).as(cut.toString()).isEqualTo("started\n");
        assertThat(cut.exitCode()).as("docker logs -f lost its daemon: " + cut).isNotZero();

        Cassette cassette = Cassette.load(file);
        assertThat(cassette.interactions()).extracting(i -> i.request().describe())
                .contains("POST /containers/create?name=k1").noneMatch(d -> d.contains("follow=1"));
        ReplayDispatcher replay = new ReplayDispatcher(cassette, ReplayOptions.defaults());
        try (DockMockServer server = DockMockServer.builder().host(dir.socket("p.sock"))
                .options(ServerOptions.defaults().withLog(line -> { })).dispatcher(replay).build().start()) {
            DockerCli.Result replayed = DockerCli.withHome(home, Duration.ofSeconds(30)).host(dir.socket("p.sock"))
                    .run("run", "--rm", "--network", "none", "alpine", "echo", "hi");
            assertThat(replayed.exitCode()).as(replayed + "\nunmatched: " + replay.unmatched()).isZero();
            assertThat(replayed.stdout()).isEqualTo("hi\n");
            assertThat(replayed.stderr()).isEqualTo(run.stderr());
        }
    }
}
