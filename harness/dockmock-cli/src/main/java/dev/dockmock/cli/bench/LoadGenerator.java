package dev.dockmock.cli.bench;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed-loop load generator: {@code connections} keep-alive connections, each driven by its
 * own platform thread that writes the request, reads the whole response, and repeats at once.
 * After a warm-up, responses that complete inside the measured window are counted and their
 * latencies recorded; requests per second is that count over the window's length.
 *
 * <p>Closed-loop latency is the latency seen by a client that waits for each answer; it does not
 * include the queueing a fixed-rate client would see when the server stalls.
 */
final class LoadGenerator {
    private static final long JOIN_GRACE_NANOS = 10_000_000_000L;

    private LoadGenerator() {
    }

    /**
     * Connects, warms up for {@code warmup}, measures for {@code duration}, disconnects.
     *
     * @throws IOException when the connections cannot be opened
     */
    static Measurement run(SocketAddress address, byte[] request, int connections, Duration warmup, Duration duration)
            throws IOException, InterruptedException {
        List<Wire> wires = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                wires.add(Wire.connect(address));
            }
            long from = System.nanoTime() + warmup.toNanos();
            long until = from + duration.toNanos();
            List<Worker> workers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (Wire wire : wires) {
                Worker worker = new Worker(wire, request, from, until);
                Thread thread = new Thread(worker, "bench-load-" + threads.size());
                thread.setDaemon(true);
                workers.add(worker);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join(Math.max(1, (until - System.nanoTime() + JOIN_GRACE_NANOS) / 1_000_000));
            }
            // A server that stopped answering leaves its readers blocked; closing unblocks them.
            closeAll(wires);
            for (Thread thread : threads) {
                thread.join();
            }
            return summarise(workers, duration.toNanos() / 1e9);
        } finally {
            closeAll(wires);
        }
    }

    private static Measurement summarise(List<Worker> workers, double seconds) {
        Histogram all = new Histogram();
        long errors = 0;
        String failure = null;
        for (Worker worker : workers) {
            all.add(worker.latencies);
            errors += worker.errors;
            if (worker.failure != null) {
                errors++;
                failure = failure != null ? failure : worker.failure.toString();
            }
        }
        return new Measurement(all.count(), errors, seconds, all.percentile(50), all.percentile(99), all.max(), failure);
    }

    private static void closeAll(List<Wire> wires) {
        for (Wire wire : wires) {
            try {
                wire.close();
            } catch (IOException ignored) {
                // closing is best effort; the server side notices either way
            }
        }
    }

    /** One connection's loop; its fields are read only after its thread has ended. */
    private static final class Worker implements Runnable {
        private final Wire wire;
        private final byte[] request;
        private final long from;
        private final long until;
        private final ResponseReader reader;
        private final Histogram latencies = new Histogram();
        private long errors;
        private Exception failure;

        Worker(Wire wire, byte[] request, long from, long until) {
            this.wire = wire;
            this.request = request;
            this.from = from;
            this.until = until;
            this.reader = new ResponseReader(wire);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    long start = System.nanoTime();
                    if (start - until >= 0) {
                        return;
                    }
                    wire.write(request);
                    reader.read();
                    long end = System.nanoTime();
                    if (reader.status() / 100 != 2) {
                        errors++;
                    } else if (end - from >= 0 && end - until < 0) {
                        latencies.record((end - start) / 1_000);
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }
    }
}
