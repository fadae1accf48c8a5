package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** A behaviour running on its own thread, as the engine runs a container's process. */
final class Running {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    final RecordingIo io;
    private final Thread thread;
    private final AtomicReference<Object> outcome = new AtomicReference<>();

    private Running(RecordingIo io) {
        this.io = io;
        Behaviour behaviour = Run.BUSYBOX.resolve("alpine:3.20", io.argv()).orElseThrow();
        this.thread = new Thread(() -> {
            try {
                outcome.set(behaviour.run(io));
            } catch (InterruptedException | RuntimeException e) {
                outcome.set(e);
            }
        }, "test-process");
        thread.setDaemon(true);
    }

    static Running start(RecordingIo io) {
        Running running = new Running(io);
        running.thread.start();
        return running;
    }

    /** Waits until stdout satisfies {@code condition}. */
    Running awaitOut(Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.test(io.out())) {
            assertThat(System.nanoTime()).as("waiting for output; got %s", io.out()).isLessThan(deadline);
            Thread.sleep(5);
        }
        return this;
    }

    /** Interrupts the process as the engine does on a kill; it must end promptly. */
    Object interrupt() throws InterruptedException {
        thread.interrupt();
        return await();
    }

    Object await() throws InterruptedException {
        thread.join(PATIENCE.toMillis());
        assertThat(thread.isAlive()).as("process still running").isFalse();
        return outcome.get();
    }

    boolean isAlive() {
        return thread.isAlive();
    }
}
