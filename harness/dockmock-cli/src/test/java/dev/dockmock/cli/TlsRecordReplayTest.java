package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockmock record} and {@code replay} with dockerd's TLS flags on their own listeners: the
 * real docker CLI with {@code --tlsverify} and a client certificate records
 * {@code docker run --rm alpine echo hi} through a recorder that itself talks TLS with a client
 * certificate to an engine served with {@code --tlsverify}, then sees the same from the replay
 * over TLS. A CLI without a client certificate is refused by both.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsRecordReplayTest {
    private static final String[] RUN = {"run", "--rm", "alpine", "echo", "hi"};

    @TempDir
    Path home;

    @TempDir
    Path work;

    private static String[] tlsFlags(TestCertificates certs) {
        TestCertificates.CertDir server = certs.server();
        return new String[] {"--tlsverify", "--tlscacert", server.ca().toString(), "--tlscert", server.cert().toString(),
                "--tlskey", server.key().toString()};
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private DockerCli cli(String host, TestCertificates.CertDir certs) {
        return DockerCli.withHome(home, Duration.ofSeconds(30)).host(host)
                .env("DOCKER_TLS_VERIFY", "1").env("DOCKER_CERT_PATH", certs.dir().toString());
    }

    @Test
    void recordsAndReplaysOverTlsWithClientCertificates() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        TestCertificates certs = TestCertificates.generate(work.resolve("certs"));
        Path file = work.resolve("tls.jsonl");
        DockerCli.Result recorded;
        DockerCli.Result refused;
        Capture recordOut = new Capture();
        Capture recordErr = new Capture();
        try (Engine engine = Engine.create(EngineConfig.defaults().withSeedImages(List.of("alpine:latest")));
                DockMockServer daemon = DockMockServer.builder().host("tcp://127.0.0.1:0").tls(certs.verifying())
                        .options(ServerOptions.defaults().withLog(line -> { })).dispatcher(engine.dispatcher()).build().start()) {
            String upstream = daemon.boundHosts().get(0).toString();
            RecordSession recorder = RecordSession.start(RecordArgs.parse(concat(tlsFlags(certs), "--upstream", upstream,
                    "--upstream-certpath", certs.client().dir().toString(), "--host", "tcp://127.0.0.1:0",
                    "--out", file.toString())), recordOut.stream, recordErr.stream);
            try {
                String host = recorder.hosts().get(0).toString();
                recorded = cli(host, certs.client()).run(RUN);
                refused = cli(host, certs.caOnly()).run("version");
            } finally {
                assertThat(recorder.stop()).isZero();
            }
        }
        assertThat(recorded.exitCode()).as(recorded + "\n" + recordOut.text() + recordErr.text()).isZero();
        assertThat(recorded.stdout()).isEqualTo("hi\n");
        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
        assertThat(recordOut.text()).contains("export DOCKER_TLS_VERIFY=1");

        Capture replayOut = new Capture();
        ReplaySession replay = ReplaySession.start(ReplayArgs.parse(concat(tlsFlags(certs), file.toString(),
                "--host", "tcp://127.0.0.1:0", "--strict", "--fail-on-unused")), replayOut.stream, new Capture().stream);
        DockerCli.Result replayed;
        try {
            String host = replay.hosts().get(0).toString();
            replayed = cli(host, certs.client()).run(RUN);
            refused = cli(host, certs.caOnly()).run("version");
        } finally {
            assertThat(replay.stop()).as(replayOut.text()).isZero();
        }
        assertThat(replayed.exitCode()).as(replayed + "\n" + replayOut.text()).isZero();
        assertThat(replayed.stdout()).isEqualTo("hi\n");
        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
        assertThat(replayOut.text()).contains("export DOCKER_TLS_VERIFY=1", "dockmock: 0 unmatched requests",
                "dockmock: 0 unused interactions");
    }
}
