package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.Behaviour;
import dev.dockmock.engine.process.ProcessIo;
import dev.dockmock.engine.process.ProcessUsers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One probe of a health check, for {@link HealthMonitor}: the check's command run as an exec would
 * be (the container's user, files and network, listed in its processes), ended after the check's
 * timeout.
 */
final class HealthCheckRun {

    private HealthCheckRun() {
    }

    /** Runs one probe, its stdout and stderr going to {@code output}; its exit code. */
    static int run(EngineContext context, Containers containers, Container container, List<String> argv, long timeoutNanos,
            ByteArrayOutputStream output) {
        Optional<Behaviour> behaviour = context.programs().resolve(container.spec().image(), argv);
        if (behaviour.isEmpty()) {
            return 1;
        }
        // a health check runs as an exec does: as the container's user, listed in its processes while it runs
        String user = container.spec().config().path("User").asText("");
        dev.dockmock.engine.process.ProcessFiles files;
        try {
            files = ProcessUsers.files(containers.processFiles(container), user);
        } catch (ProcessUsers.UnknownUser e) {
            return 126;
        }
        Map<String, String> env = RuntimeEnv.of(container.spec(), files.user().home());
        dev.dockmock.engine.process.ProcessList.Child process = container.processes().exec(argv, user);
        ProcessIo io = new ProcessIo() {
            public List<String> argv() {
                return argv;
            }

            public Map<String, String> env() {
                return env;
            }

            public String hostname() {
                return container.spec().hostname();
            }

            public String workingDir() {
                return container.spec().workingDir();
            }

            public InputStream stdin() {
                return InputStream.nullInputStream();
            }

            public synchronized void stdout(byte[] data) {
                output.writeBytes(data);
            }

            public synchronized void stderr(byte[] data) {
                output.writeBytes(data);
            }

            @Override
            public dev.dockmock.engine.process.ProcessNetwork network() {
                return Lifecycle.network(container, containers);
            }

            @Override
            public dev.dockmock.engine.process.ProcessFiles files() {
                return files;
            }

            @Override
            public dev.dockmock.engine.process.ProcessList processes() {
                return process.list();
            }
        };
        int[] code = {1};
        // on a thread of its own, so that a check that hangs (wget on a port that never answers)
        // fails after the check's Timeout, as dockerd ends it, instead of stalling every monitor
        Thread check = new Thread(() -> {
            try {
                code[0] = behaviour.get().run(io);
            } catch (InterruptedException | RuntimeException e) {
                code[0] = 1;
            }
        }, "dockmock-health-check-" + container.shortId());
        check.setDaemon(true);
        check.start();
        try {
            check.join(timeoutNanos / 1_000_000, (int) (timeoutNanos % 1_000_000));
            if (check.isAlive()) {
                check.interrupt();
                return 1;
            }
            return code[0];
        } catch (InterruptedException e) {
            check.interrupt();
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            process.close();
        }
    }
}
