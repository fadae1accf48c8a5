package dev.dockmock.scenario.run;

import dev.dockmock.scenario.model.Setup;
import java.io.IOException;
import java.nio.file.Path;

/** Starts a scenario's {@link Instance} within its step time-out, so that a hanging setup cannot hold the run. */
final class SetupWithin {

    private SetupWithin() {
    }

    /**
     * {@link Instance#start} bounded by {@code timeout}: an instance that comes up later is closed as soon as it does.
     *
     * @throws IOException when setup fails or does not finish in time
     */
    static Instance start(Setup setup, Path workDir, java.time.Duration timeout) throws IOException, InterruptedException {
        java.util.concurrent.FutureTask<Instance> task = new java.util.concurrent.FutureTask<>(() -> Instance.start(setup, workDir));
        Thread thread = new Thread(task, "scenario setup");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            Thread closer = new Thread(() -> {
                try {
                    task.get().close();
                } catch (Exception ignored) {
                    // it failed to start after all: nothing to close
                }
            }, "scenario setup closer");
            closer.setDaemon(true);
            closer.start();
            throw new IOException("setup did not finish within " + DockerProcess.pretty(timeout));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }
}
