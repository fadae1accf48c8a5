package dev.dockmock.engine.build;

import dev.dockmock.engine.process.Behaviour;
import dev.dockmock.engine.process.ProcessFiles;
import dev.dockmock.engine.process.ProcessIo;
import dev.dockmock.engine.process.Program;
import dev.dockmock.engine.process.RunningProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code RUN}: the command runs as a simulated process through the engine's programs; its output
 * goes into the build output as it comes and its exit code decides the step; what it writes to the
 * stage's files becomes the step's layer. A command no program
 * knows is taken to succeed silently (a fake cannot install packages, and most builds only need
 * their {@code RUN}s not to fail). A command still running after the limit is ended and fails.
 */
final class RunStep {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final Program programs;

    RunStep(Program programs) {
        this.programs = programs;
    }

    /**
     * Runs {@code argv} and returns its exit code.
     *
     * @param shellCommand for the shell form, the command text after the shell ({@code echo hi}); null for the exec form
     * @param files the stage's files, which the command reads and writes
     */
    int run(String image, List<String> argv, String shellCommand, Map<String, String> env, String workingDir, String hostname,
            ProcessFiles files, BuildOutput out) throws InterruptedException {
        Optional<Behaviour> behaviour = programs.resolve(image, argv);
        if (behaviour.isEmpty()) {
            out.stream("/bin/sh: " + argv.get(0) + ": not found\n");
            return 127;
        }
        LinkedBlockingQueue<byte[]> output = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        ProcessIo io = new ProcessIo() {
            @Override
            public List<String> argv() {
                return argv;
            }

            @Override
            public Map<String, String> env() {
                return env;
            }

            @Override
            public String hostname() {
                return hostname;
            }

            @Override
            public String workingDir() {
                return workingDir;
            }

            @Override
            public InputStream stdin() {
                return InputStream.nullInputStream();
            }

            @Override
            public ProcessFiles files() {
                return files;
            }

            @Override
            public void stdout(byte[] data) {
                output.add(data.clone());
            }

            @Override
            public void stderr(byte[] data) {
                output.add(data.clone());
            }
        };
        RunningProcess process = RunningProcess.start(behaviour.get(), io, exit::complete, "dockmock-build-" + hostname);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        boolean stopped = false;
        while (!exit.isDone() || !output.isEmpty()) {
            byte[] chunk = output.poll(20, TimeUnit.MILLISECONDS);
            if (chunk != null) {
                out.stream(new String(chunk, StandardCharsets.UTF_8));
            }
            if (!stopped && System.nanoTime() > deadline) {
                out.stream("dockmock: the simulated command was still running after " + LIMIT.toSeconds() + " s; stopping it\n");
                process.terminate(137);
                stopped = true;
            }
        }
        return exit.join();
    }
}
