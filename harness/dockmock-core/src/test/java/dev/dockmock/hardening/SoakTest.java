package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Mixed load for a while, sampling heap after GC, RSS, threads and open fds at a fixed interval:
 * nothing may grow without bound. The normal suite runs it for 30 s ({@code -Ddockmock.soak.seconds}
 * changes that). The soak a user runs, with its report, chart and flat/growing verdict, is the
 * {@code dockmock soak} command (CLI module), which drives the same kind of load.
 */
class SoakTest {
    private static final int CLIENTS = 8;

    @Test
    void mixedLoadKeepsMemoryThreadsAndFdsFlat() throws Exception {
        long seconds = Long.getLong("dockmock.soak.seconds", 30);
        long interval = seconds >= 120 ? 10 : 5;
        LoadTally tally = new LoadTally(false);
        List<ResourceProbe> probes = new ArrayList<>();
        AtomicLong events = new AtomicLong();
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
                .withSeedImages(List.of(MixedLoad.IMAGE)));
                DockMockServer server = DockMockServer.builder().host(Wire.TCP.host()).host(Wire.freshUnix())
                        .options(TestServers.quietOptions()).dispatcher(engine.dispatcher()).build().start()) {
            List<DockerHost> hosts = server.boundHosts();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            pool.submit(() -> followEvents(hosts.get(0), deadline, events));
            for (int i = 0; i < CLIENTS; i++) {
                DockerHost host = hosts.get(i % 2);
                MixedLoad load = new MixedLoad(host, "soak" + i, tally);
                pool.submit(() -> load.runUntil(deadline));
            }
            while (System.nanoTime() < deadline) {
                Thread.sleep(interval * 1000);
                probes.add(ResourceProbe.take());
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("clients finish").isTrue();
        }
        assertThat(events.get()).as("events followed").isPositive();
        assertThat(tally.failures()).as("wrong answers: %s", tally.failureExamples()).isZero();
        assertThat(tally.createdCount()).isEqualTo(tally.removedCount());
        ResourceProbe first = probes.get(0);
        ResourceProbe peak = probes.stream()
                .reduce((a, b) -> new ResourceProbe(Math.max(a.threads(), b.threads()), Math.max(a.fds(), b.fds()),
                        Math.max(a.heapAfterGcBytes(), b.heapAfterGcBytes()), Math.max(a.rssBytes(), b.rssBytes())))
                .orElseThrow();
        // Loose bounds: a leak of one thread, fd or container per round would pass them within seconds.
        assertThat(peak.threads()).as("threads, first sample %s", first.summary()).isLessThanOrEqualTo(first.threads() + 16);
        assertThat(peak.fds()).as("fds, first sample %s", first.summary()).isLessThanOrEqualTo(first.fds() + 32);
        assertThat(peak.heapAfterGcBytes()).as("heap after GC, first %s", first.summary())
                .isLessThanOrEqualTo(first.heapAfterGcBytes() * 2 + (64L << 20));
    }

    /** Follows {@code /events} for the whole run, counting messages, so a live stream is part of the load. */
    private static void followEvents(DockerHost host, long deadline, AtomicLong events) {
        try (RawHttpClient client = RawHttpClient.connect(host, Duration.ofSeconds(30))) {
            client.send(RawHttpClient.request("GET", "/v1.50/events?filters=%7B%22type%22%3A%5B%22container%22%5D%7D"));
            client.readHead();
            while (System.nanoTime() < deadline && client.readChunk() != null) {
                events.incrementAndGet();
            }
        } catch (Exception e) {
            // the server closes the stream when the run ends
        }
    }
}
