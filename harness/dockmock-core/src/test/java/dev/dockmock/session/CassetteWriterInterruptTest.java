package dev.dockmock.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupts reach the threads that append: the server interrupts a stream's writer when its
 * client hangs up, or when it shuts down, and the recording writes that stream's interaction from
 * the same thread. Neither that interaction nor any later one may be lost to it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CassetteWriterInterruptTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedThreadStillAppendsAndTheCassetteStaysOpen() throws Exception {
        Path file = dir.resolve("interrupted.jsonl");
        try (CassetteWriter writer = CassetteWriter.create(file, "interrupt test")) {
            Thread.currentThread().interrupt();
            try {
                writer.append(Samples.create(1, "alpine:1"));
                assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is left for its owner").isTrue();
            } finally {
                Thread.interrupted();
            }
            writer.append(Samples.create(2, "alpine:2"));
        }

        assertThat(Cassette.load(file).interactions()).extracting(Interaction::id).containsExactly(1, 2);
    }

    @Test
    void interruptsArrivingDuringAppendsLoseNothing() throws Exception {
        Path file = dir.resolve("racing.jsonl");
        int count = 200;
        try (CassetteWriter writer = CassetteWriter.create(file, "interrupt test")) {
            AtomicBoolean done = new AtomicBoolean();
            CountDownLatch started = new CountDownLatch(1);
            Thread appender = new Thread(() -> {
                started.countDown();
                for (int id = 1; id <= count; id++) {
                    try {
                        writer.append(Samples.create(id, "alpine:" + id));
                    } catch (Exception e) {
                        throw new AssertionError("append #" + id + " failed: " + e, e);
                    }
                    Thread.interrupted();
                }
                done.set(true);
            });
            appender.start();
            started.await();
            while (appender.isAlive()) {
                appender.interrupt();
                Thread.onSpinWait();
            }
            appender.join();
            assertThat(done).as("every append returned").isTrue();
            writer.append(Samples.create(count + 1, "alpine:last"));
        }

        assertThat(Cassette.load(file).interactions()).hasSize(count + 1);
    }
}
