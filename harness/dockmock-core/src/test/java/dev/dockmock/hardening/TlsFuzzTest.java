package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.ClientTls;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.TestCertificates;
import dev.dockmock.testing.TestCertificates.CertDir;
import dev.dockmock.testing.TestServers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HttpFuzzTest}'s generated and mutated requests over a TLS listener that requires client
 * certificates ({@code --tlsverify}), sent by clients holding a valid certificate, while other
 * clients abuse the TLS layer itself ({@link TlsAbuse}). Every HTTP answer must be a 4xx (or
 * 501/505) or a close, every abusive connection must end without silence, reset or an HTTP answer
 * to a client the server refused; afterwards no connection thread or fd is left and the docker CLI
 * is served with {@code --tlsverify}. {@code -Ddockmock.tlsfuzz.requests=N},
 * {@code -Ddockmock.tlsfuzz.abuses=N} and {@code -Ddockmock.fuzz.seed=S} change the run.
 */
@Timeout(300)
class TlsFuzzTest {
    private static final int FUZZ_WORKERS = 8;
    private static final int ABUSE_WORKERS = 4;

    @TempDir
    Path certRoot;

    @Test
    void fuzzAndTlsAbuseGetRefusalsOrClosesAndLeakNothing() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        long target = Long.getLong("dockmock.tlsfuzz.requests", 10_000);
        long abuses = Long.getLong("dockmock.tlsfuzz.abuses", 2_000);
        long seed = Long.getLong("dockmock.fuzz.seed", System.nanoTime());
        TestCertificates certs = TestCertificates.generate(certRoot);
        TlsAbuse.Clients clients = new TlsAbuse.Clients(context(certs.client()), context(certs.caOnly()),
                context(certs.foreignClient()));
        ResourceProbe outside = ResourceProbe.take();
        FuzzOutcomes fuzz = new FuzzOutcomes();
        FuzzOutcomes abuse = new FuzzOutcomes();
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
                .withSeedImages(List.of(MixedLoad.IMAGE)));
                DockMockServer server = DockMockServer.builder().tls(certs.verifying()).host("tcp://127.0.0.1:0")
                        .options(TestServers.quietOptions().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
                                Duration.ofSeconds(2)))
                        .dispatcher(engine.dispatcher()).build().start()) {
            DockerHost.Tcp host = (DockerHost.Tcp) server.boundHosts().get(0);
            FuzzWorker.Opener opener = () -> RawHttpClient.connectTls(host, clients.valid(), FuzzWorker.READ_TIMEOUT);
            startTarget(opener);
            // Warm up the pools and the TLS session cache, so the counts before and after compare alike.
            new FuzzWorker(opener, new FuzzRequests(seed), new FuzzOutcomes(), new AtomicLong(), 200).run();
            new TlsAbuse(host, clients, seed, new FuzzOutcomes(), new AtomicLong(), 50).run();
            settle(server, opener, new FuzzOutcomes());
            try (RawHttpClient api = opener.open()) {
                assertThat(api.exchange(RawHttpClient.request("POST", "/v1.50/containers/fuzz-target/start")).status())
                        .isEqualTo(204);
            }
            ResourceProbe before = ResourceProbe.take();
            int busyBefore = HttpFuzzTest.connectionThreads();

            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(FUZZ_WORKERS + ABUSE_WORKERS);
            AtomicLong sent = new AtomicLong();
            AtomicLong abused = new AtomicLong();
            for (int i = 0; i < FUZZ_WORKERS; i++) {
                pool.submit(new FuzzWorker(opener, new FuzzRequests(seed + i), fuzz, sent, target));
            }
            for (int i = 0; i < ABUSE_WORKERS; i++) {
                pool.submit(new TlsAbuse(host, clients, seed + 1_000 + i, abuse, abused, abuses));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(240, TimeUnit.SECONDS)).as("fuzz workers finish").isTrue();
            long elapsed = System.nanoTime() - start;
            settle(server, opener, abuse);
            ResourceProbe after = ResourceProbe.take();

            System.out.printf("tls fuzz seed=%d requests=%d abuses=%d in %d ms%nbefore %s%nafter  %s%n%s%n%s%n", seed,
                    fuzz.requests(), abuse.requests(), TimeUnit.NANOSECONDS.toMillis(elapsed), before.summary(),
                    after.summary(), fuzz.table(), abuse.table());
            assertThat(fuzz.wrongExamples()).as("seed %d", seed).isEmpty();
            assertThat(abuse.wrongExamples()).as("seed %d", seed).isEmpty();
            assertThat(fuzz.requests()).isGreaterThanOrEqualTo(target);
            assertThat(abuse.requests()).isGreaterThanOrEqualTo(abuses);
            assertThat(HttpFuzzTest.connectionThreads()).as("threads still serving a connection").isEqualTo(busyBefore);
            assertThat(after.fds()).as("open fds").isLessThanOrEqualTo(before.fds() + 8);
            assertThat(after.heapAfterGcBytes()).as("heap after GC").isLessThanOrEqualTo(before.heapAfterGcBytes() + (32L << 20));

            CertDir client = certs.client();
            DockerCli.Result version = DockerCli.run(host, Duration.ofSeconds(30), java.util.Map.of(), "--tlsverify",
                    "--tlscacert", client.ca().toString(), "--tlscert", client.cert().toString(), "--tlskey",
                    client.key().toString(), "version");
            assertThat(version.exitCode()).as("%s", version).isZero();
            assertThat(version.stdout()).contains("Server: dockmock");
        }
        ResourceProbe closed = ResourceProbe.take();
        assertThat(closed.threads()).as("threads once closed, %s before", outside.summary())
                .isLessThanOrEqualTo(outside.threads() + 2);
        assertThat(closed.fds()).as("fds once closed, %s before", outside.summary()).isLessThanOrEqualTo(outside.fds() + 4);
    }

    /** The container the fuzz's hijack upgrades attach to. */
    private static void startTarget(FuzzWorker.Opener opener) throws IOException {
        String body = "{\"Image\":\"" + MixedLoad.IMAGE
                + "\",\"Cmd\":[\"cat\"],\"OpenStdin\":true,\"AttachStdin\":true,\"AttachStdout\":true}";
        try (RawHttpClient api = opener.open()) {
            assertThat(api.exchange(RawHttpClient.request("POST", "/v1.50/containers/create?name=fuzz-target",
                    "Content-Type: application/json", "Content-Length: " + body.length()) + body).status()).isEqualTo(201);
            assertThat(api.exchange(RawHttpClient.request("POST", "/v1.50/containers/fuzz-target/start")).status())
                    .isEqualTo(204);
        }
    }

    /**
     * Ends what the run left behind: stops the attached container (see {@link HttpFuzzTest}), reads
     * the silent connections to the end the server's idle time-out gives them, and waits until the
     * server holds no connection.
     */
    private static void settle(DockMockServer server, FuzzWorker.Opener opener, FuzzOutcomes outcomes) throws Exception {
        try (RawHttpClient api = opener.open()) {
            assertThat(api.exchange(RawHttpClient.request("POST", "/v1.50/containers/fuzz-target/stop?t=0")).status())
                    .isEqualTo(204);
        }
        SilentConnections.collect(outcomes);
        HttpFuzzTest.awaitNoConnections(server);
    }

    private static SSLContext context(CertDir dir) throws IOException {
        boolean hasCertificate = dir.cert().toFile().exists();
        return ClientTls.context(Optional.of(dir.ca()), hasCertificate ? Optional.of(dir.cert()) : Optional.empty(),
                hasCertificate ? Optional.of(dir.key()) : Optional.empty());
    }
}
