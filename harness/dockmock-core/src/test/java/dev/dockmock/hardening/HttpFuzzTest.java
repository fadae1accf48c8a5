package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * At least 100,000 generated and mutated requests over tcp and unix, from parallel connections:
 * each connection sends valid requests until it sends a broken one. Every answer must be a 4xx
 * (or 501/505 for framing the server does not serve) or a closed connection, never a 500 or
 * silence; afterwards no connection thread, fd or heap is left over and clients are served.
 * {@code -Ddockmock.fuzz.requests=N} and {@code -Ddockmock.fuzz.seed=S} change the run.
 */
@Timeout(600)
class HttpFuzzTest {
    private static final int WORKERS_PER_WIRE = 12;

    @Test
    void malformedRequestsGetA4xxOrACloseAndLeakNothing() throws Exception {
        long target = Long.getLong("dockmock.fuzz.requests", 100_000);
        long seed = Long.getLong("dockmock.fuzz.seed", System.nanoTime());
        ResourceProbe outside = ResourceProbe.take();
        FuzzOutcomes outcomes = new FuzzOutcomes();
        long elapsed;
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
                .withSeedImages(List.of(MixedLoad.IMAGE)));
                DockMockServer server = DockMockServer.builder().host(Wire.TCP.host()).host(Wire.freshUnix())
                        .options(TestServers.quietOptions().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30),
                                Duration.ofSeconds(2)))
                        .dispatcher(engine.dispatcher()).build().start()) {
            List<DockerHost> hosts = server.boundHosts();
            try (ApiCaller api = new ApiCaller(hosts.get(0))) {
                assertThat(api.post("/v1.50/containers/create?name=fuzz-target", "{\"Image\":\"" + MixedLoad.IMAGE
                        + "\",\"Cmd\":[\"cat\"],\"OpenStdin\":true,\"AttachStdin\":true,\"AttachStdout\":true}").status())
                        .isEqualTo(201);
                assertThat(api.post("/v1.50/containers/fuzz-target/start").status()).isEqualTo(204);
            }
            new FuzzWorker(hosts.get(0), new FuzzRequests(seed), new FuzzOutcomes(), new AtomicLong(), 2_000).run();
            endAttaches(hosts.get(0));
            awaitNoConnections(server);
            try (ApiCaller api = new ApiCaller(hosts.get(0))) {
                assertThat(api.post("/v1.50/containers/fuzz-target/start").status()).isEqualTo(204);
            }
            ResourceProbe before = ResourceProbe.take();
            int busyBefore = connectionThreads();

            long start = System.nanoTime();
            AtomicLong sent = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(2 * WORKERS_PER_WIRE);
            for (int i = 0; i < 2 * WORKERS_PER_WIRE; i++) {
                FuzzWorker worker = new FuzzWorker(hosts.get(i % 2), new FuzzRequests(seed + i), outcomes, sent, target);
                pool.submit(worker);
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(500, TimeUnit.SECONDS)).as("fuzz workers finish").isTrue();
            elapsed = System.nanoTime() - start;

            endAttaches(hosts.get(0));
            awaitNoConnections(server);
            ResourceProbe after = ResourceProbe.take();
            System.out.printf("fuzz seed=%d requests=%d in %d ms%nbefore %s%nafter  %s%n%s%n", seed, outcomes.requests(),
                    TimeUnit.NANOSECONDS.toMillis(elapsed), before.summary(), after.summary(), outcomes.table());
            assertThat(outcomes.wrongExamples()).as("seed %d", seed).isEmpty();
            assertThat(outcomes.requests()).isGreaterThanOrEqualTo(target);
            assertThat(connectionThreads()).as("threads still serving a connection").isEqualTo(busyBefore);
            assertThat(after.fds()).as("open fds").isLessThanOrEqualTo(before.fds() + 8);
            assertThat(after.heapAfterGcBytes()).as("heap after GC").isLessThanOrEqualTo(before.heapAfterGcBytes() + (32L << 20));

            for (DockerHost host : hosts) {
                DockerCli.Result ps = DockerCli.run(host, "ps", "--format", "{{.Names}}");
                assertThat(ps.exitCode()).as("%s", ps).isZero();
                assertThat(ps.stdout()).isEmpty();
            }
        }
        ResourceProbe closed = ResourceProbe.take();
        assertThat(closed.threads()).as("threads once closed, %s before", outside.summary())
                .isLessThanOrEqualTo(outside.threads() + 2);
        assertThat(closed.fds()).as("fds once closed, %s before", outside.summary()).isLessThanOrEqualTo(outside.fds() + 4);
    }

    /**
     * Stops the container the vanished hijack clients attached to. As with dockerd, an attach whose
     * client vanished after a clean close holds its connection until the container writes again or
     * stops: end of stdin alone may be a half-close, after which the client still reads.
     */
    private static void endAttaches(DockerHost host) throws Exception {
        try (ApiCaller api = new ApiCaller(host)) {
            assertThat(api.post("/v1.50/containers/fuzz-target/stop?t=0").status()).isEqualTo(204);
        }
    }

    /** Threads whose stack is inside a server connection: serving, reading or draining one. */
    static int connectionThreads() {
        int count = 0;
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals("dev.dockmock.server.HttpConnection")) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    static void awaitNoConnections(DockMockServer server) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while ((server.openConnections() > 0 || connectionThreads() > 0) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(server.openConnections()).as("connections left open").isZero();
    }
}
