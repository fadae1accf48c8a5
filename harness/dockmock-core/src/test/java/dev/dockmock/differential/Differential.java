package dev.dockmock.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.testing.RealDockerd;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.DockerCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real dockerd and an in-process dockmock side by side, and the docker CLI pointed at each
 * through {@code DOCKER_HOST}. {@link #both} runs one script against both at once and returns the
 * two transcripts; {@link #assertSameTranscripts} compares them.
 */
final class Differential implements AutoCloseable {
    /** A docker CLI script, run once per server. */
    @FunctionalInterface
    interface Script {
        void run(Session session) throws Exception;
    }

    /**
     * What each server showed for the same script.
     *
     * @param dockerd the real daemon's transcript
     * @param dockmock dockmock's transcript
     */
    record Transcripts(List<Session.Step> dockerd, List<Session.Step> dockmock) {
        static String render(List<Session.Step> steps) {
            return steps.stream().map(Session.Step::render).collect(Collectors.joining("\n"));
        }

        /** These transcripts with dockerd's exit code of step {@code index} (from 0) replaced by {@code code}. */
        Transcripts withDockerdExitCode(int index, int code) {
            List<Session.Step> steps = new ArrayList<>(dockerd);
            Session.Step step = steps.get(index);
            steps.set(index, new Session.Step(step.command(), code, step.stdout(), step.stderr()));
            return new Transcripts(steps, dockmock);
        }
    }

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private final RealDockerd dockerd;
    private final Engine engine;
    private final DockMockServer server;
    private final Path root;
    private final ExecutorService sides = Executors.newFixedThreadPool(2);
    private int scripts;

    private Differential(RealDockerd dockerd, Engine engine, DockMockServer server, Path root) {
        this.dockerd = dockerd;
        this.engine = engine;
        this.server = server;
        this.root = root;
    }

    /**
     * Starts both servers, or skips the calling test class (a JUnit assumption) when the docker
     * CLI or a real dockerd is not available here.
     */
    static Differential startOrSkip() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        Optional<String> unavailable = RealDockerd.unavailableBecause();
        assumeTrue(unavailable.isEmpty(), () -> "no real dockerd here: " + unavailable.orElse(""));
        return start();
    }

    /** The arguments of a docker command, with {@code String[]} parts (such as {@code --network none}) spliced in. */
    static String[] args(Object... parts) {
        return Arrays.stream(parts)
                .flatMap(p -> p instanceof String[] many ? Arrays.stream(many) : Stream.of((String) p))
                .toArray(String[]::new);
    }

    /** Starts both servers; the caller has checked {@link RealDockerd#unavailableBecause()}. */
    static Differential start() throws Exception {
        Path root = Files.createTempDirectory(Path.of("/tmp"), "dmk-");
        Engine engine = Engine.create(EngineConfig.defaults().withSeedImages(List.of("alpine:3.20", "alpine:latest")));
        DockMockServer server = null;
        try {
            server = DockMockServer.builder()
                    .host("unix://" + root.resolve("d.sock"))
                    .options(ServerOptions.defaults().withLog(line -> { }))
                    .dispatcher(engine.dispatcher())
                    .build()
                    .start();
            return new Differential(RealDockerd.start(), engine, server, root);
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            engine.close();
            deleteTree(root);
            throw e;
        }
    }

    /** Runs {@code script} against dockerd and dockmock at the same time, each with a CLI and scratch directory of its own. */
    Transcripts both(Script script) throws Exception {
        int n = ++scripts;
        Session real = session(Session.Side.DOCKERD, dockerd.host(), n);
        Session fake = session(Session.Side.DOCKMOCK, server.boundHosts().get(0).toString(), n);
        Future<?> realRun = sides.submit(() -> runAndClean(script, real));
        Future<?> fakeRun = sides.submit(() -> runAndClean(script, fake));
        try {
            realRun.get();
            fakeRun.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        return new Transcripts(real.steps(), fake.steps());
    }

    /** Asserts that dockmock's transcript equals dockerd's, step by step, after masking. */
    void assertSameTranscripts(Transcripts transcripts) {
        String expected = Transcripts.render(transcripts.dockerd());
        String actual = Transcripts.render(transcripts.dockmock());
        assertThat(actual).as("dockmock's transcript (actual) against dockerd's (expected)").isEqualTo(expected);
    }

    /** Runs {@code script} on both servers and asserts the transcripts are the same. */
    void assertSame(Script script) throws Exception {
        assertSameTranscripts(both(script));
    }

    private Session session(Session.Side side, String host, int n) throws IOException {
        Path home = Files.createDirectories(root.resolve("s" + n + "-" + side.name().toLowerCase()));
        DockerCli cli = DockerCli.withHome(home, COMMAND_TIMEOUT).withEnv(Map.of("DOCKER_HOST", host));
        return new Session(side, cli, Files.createDirectories(home.resolve("scratch")));
    }

    private static Void runAndClean(Script script, Session session) throws Exception {
        try {
            script.run(session);
        } finally {
            session.cleanUp();
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        sides.shutdownNow();
        System.out.println("dockerd log, last lines:\n" + dockerd.logTail());
        try {
            server.close();
            engine.close();
        } finally {
            try {
                dockerd.close();
            } finally {
                deleteTree(root);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
