package dev.dockmock.cli.soak;

import dev.dockmock.cli.Command;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.scenario.progress.TerminalProgress;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code dockmock soak}: an embedded engine and server under a mixed load for a while, sampled
 * every few seconds, judged flat or growing by {@link FlatnessRule}. Progress and the report go
 * to {@code out}; {@code soak.json} and {@code soak.svg} to the output directory.
 *
 * <p>Exit codes: 0 flat with every answer right, 1 growing, too short to judge, a wrong answer
 * or a failure to start or write, 2 a wrong command line.
 */
public final class SoakCommand implements Command {

    @Override
    public String summary() {
        return "Run a mixed load against dockmock and check memory, threads and fds stay flat";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        SoakOptions options = SoakOptions.parse(args);
        if (options.help()) {
            out.print(SoakOptions.HELP);
            return 0;
        }
        SoakOutcome outcome;
        try {
            outcome = soak(options, out);
        } catch (IOException | RuntimeException e) {
            err.println("dockmock soak: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dockmock soak: interrupted");
            return 1;
        }
        SoakReport.print(outcome, out);
        try {
            Path json = SoakReport.write(outcome);
            out.println("Wrote " + json + " and " + json.resolveSibling("soak.svg"));
        } catch (IOException e) {
            err.println("dockmock soak: cannot write the reports to " + options.out() + ": " + e);
            return 1;
        }
        return outcome.exitCode();
    }

    private static SoakOutcome soak(SoakOptions options, PrintStream out) throws IOException, InterruptedException {
        Path socketDir = Files.createTempDirectory("dockmock-soak");
        LongAdder requests = new LongAdder();
        SoakTally tally = new SoakTally();
        List<Sample> samples = new ArrayList<>();
        Optional<Path> dockerCli = Optional.empty();
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
                .withSeedImages(List.of(MixedClient.IMAGE)))) {
            Dispatcher engineDispatcher = engine.dispatcher();
            Dispatcher counting = request -> {
                requests.increment();
                return engineDispatcher.dispatch(request);
            };
            DockMockServer server = DockMockServer.builder().host(new DockerHost.Unix(socketDir.resolve("docker.sock")))
                    .host(new DockerHost.Tcp("127.0.0.1", 0)).options(ServerOptions.defaults().withLog(line -> { }))
                    .dispatcher(counting).build().start();
            Thread follower = null;
            try {
                DockerHost.Unix unix = server.boundHosts().stream().filter(DockerHost.Unix.class::isInstance)
                        .map(DockerHost.Unix.class::cast).findFirst().orElseThrow();
                DockerHost tcp = server.boundHosts().stream().filter(DockerHost.Tcp.class::isInstance).findFirst().orElseThrow();
                out.println("dockmock soak: " + options.clients() + " clients on " + unix + " and " + tcp + " for "
                        + options.duration().toSeconds() + " s, a sample every " + options.interval().toMillis() / 1000.0 + " s");
                Optional<DockerCliClient> cli = options.dockerCli() ? DockerCliClient.find(unix, tally) : Optional.empty();
                dockerCli = cli.map(DockerCliClient::executable);
                ExecutorService pool = Executors.newFixedThreadPool(options.clients() + 1, daemonThreads());
                long start = System.nanoTime();
                long deadline = start + options.duration().toNanos();
                follower = new Thread(() -> EventFollower.follow(unix, tally), "soak-events");
                follower.setDaemon(true);
                follower.start();
                for (int i = 0; i < options.clients(); i++) {
                    MixedClient client = new MixedClient(i % 2 == 0 ? unix : tcp, "soak" + i, tally);
                    pool.submit(() -> client.runUntil(deadline));
                }
                cli.ifPresent(client -> pool.submit(() -> client.runUntil(deadline)));
                sample(options, new Sampler(start, requests::sum, tally::total), samples, deadline, tally, out);
                pool.shutdown();
                if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                    tally.fail("finish", "clients still busy 90 s after the end of the run");
                }
            } finally {
                server.close();
                if (follower != null) {
                    follower.join(5_000);
                }
            }
        } finally {
            Files.deleteIfExists(socketDir.resolve("docker.sock"));
            Files.deleteIfExists(socketDir);
        }
        return new SoakOutcome(options, List.copyOf(samples), tally.byOperation(), tally.failureCount(), tally.failureExamples(),
                tally.createdCount(), tally.removedCount(), tally.eventCount(), requests.sum(), dockerCli,
                FlatnessRule.judge(samples));
    }

    /** Samples at fixed times after the start (not after the last sample, which takes a GC's time) until the deadline. */
    private static void sample(SoakOptions options, Sampler sampler, List<Sample> samples, long deadline, SoakTally tally,
            PrintStream out) throws InterruptedException {
        SoakProgress progress = new SoakProgress(out, !options.plain() && TerminalProgress.available(),
                options.duration().toSeconds());
        long interval = options.interval().toNanos();
        long start = deadline - options.duration().toNanos();
        for (long at = start + interval; at <= deadline + interval / 2; at += interval) {
            long wait = at - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Sample sample = sampler.take();
            samples.add(sample);
            progress.sampled(sample, tally.failureCount());
        }
        progress.done();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "soak-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
