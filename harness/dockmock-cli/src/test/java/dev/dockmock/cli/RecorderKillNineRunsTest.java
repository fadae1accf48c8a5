package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.Interaction;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.ShortDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockmock record} as a child JVM, killed with SIGKILL at a random moment while a raw
 * client and the docker CLI talk through it, many times over ({@code dockmock.killnine.runs}, 20 by
 * default): every cassette loads, and holds every interaction whose answer its client had
 * received in full before the kill.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class RecorderKillNineRunsTest {
    private final ShortDir dir = ShortDir.create();
    private Engine engine;
    private DockMockServer daemon;

    @TempDir
    Path home;

    @BeforeEach
    void startEngine() throws IOException {
        engine = Engine.create(EngineConfig.defaults().withSeedImages(List.of("alpine:latest")));
        daemon = DockMockServer.builder().host(dir.socket("e.sock")).options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(engine.dispatcher()).build().start();
    }

    @AfterEach
    void stop() {
        daemon.close();
        engine.close();
        dir.close();
    }

    @Test
    void everyCassetteLoadsAndHoldsEveryCompletedInteraction() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        int runs = Integer.getInteger("dockmock.killnine.runs", 20);
        long seed = Long.getLong("dockmock.killnine.seed", System.nanoTime());
        Random random = new Random(seed);
        int totalCompleted = 0;
        int totalTorn = 0;
        for (int run = 0; run < runs; run++) {
            Path file = dir.path().resolve("k" + run + ".jsonl");
            String socket = dir.socket("r" + run + ".sock");
            Process recorder = ChildDockmock.command("record", "--upstream", dir.socket("e.sock"), "--host", socket,
                    "--out", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                ChildDockmock.readUntil(recorder, "export DOCKER_HOST");
                List<String> completed = new CopyOnWriteArrayList<>();
                AtomicInteger cliRuns = new AtomicInteger();
                AtomicBoolean killed = new AtomicBoolean();
                int mark = run;
                CompletableFuture<Void> raw = CompletableFuture.runAsync(() -> rawTraffic(socket, mark, completed));
                CompletableFuture<Void> cli = CompletableFuture.runAsync(() -> cliTraffic(socket, killed, cliRuns));
                Thread.sleep(100 + random.nextInt(1400));
                recorder.destroyForcibly();
                killed.set(true);
                assertThat(recorder.waitFor(10, TimeUnit.SECONDS)).isTrue();
                raw.get(30, TimeUnit.SECONDS);
                cli.get(60, TimeUnit.SECONDS);

                Cassette cassette = Cassette.load(file);
                List<String> recorded = cassette.interactions().stream().map(Interaction::describe).toList();
                for (String marker : completed) {
                    assertThat(recorded).as("run %d (seed %d): %s was answered before the kill", run, seed, marker)
                            .anyMatch(d -> d.contains(marker + "/"));
                }
                assertThat(recorded.stream().filter(d -> d.contains("POST /containers/create")).count())
                        .as("run %d: creates of docker runs that exited 0", run).isGreaterThanOrEqualTo(cliRuns.get());
                totalCompleted += completed.size() + cliRuns.get();
                totalTorn += cassette.warnings().isEmpty() ? 0 : 1;
            } finally {
                recorder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        System.out.printf("kill -9: %d runs (seed %d), %d completed client calls all found, %d cassettes with a torn last line%n",
                runs, seed, totalCompleted, totalTorn);
        assertThat(totalCompleted).isPositive();
    }

    /** Keep-alive requests with a unique path each; a path is "completed" once its whole answer has arrived. */
    private static void rawTraffic(String socket, int run, List<String> completed) {
        try (RawHttpClient client = RawHttpClient.connect(DockerHost.parse(socket), Duration.ofSeconds(20))) {
            for (int i = 0; ; i++) {
                String marker = "mark-" + run + "-" + i;
                int status = client.exchange(RawHttpClient.request("GET", "/containers/" + marker + "/json")).status();
                assertThat(status).isEqualTo(404);
                completed.add(marker);
            }
        } catch (IOException cut) {
            // the recorder was killed
        }
    }

    /** {@code docker run --rm alpine echo hi} until the recorder dies; counts the runs that exited 0. */
    private void cliTraffic(String socket, AtomicBoolean killed, AtomicInteger ok) {
        DockerCli docker = DockerCli.withHome(home, Duration.ofSeconds(30)).host(socket);
        while (!killed.get()) {
            try {
                DockerCli.Result result = docker.run("run", "--rm", "alpine", "echo", "hi");
                if (result.exitCode() == 0 && !killed.get()) {
                    ok.incrementAndGet();
                }
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }
}
