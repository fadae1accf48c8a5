package dev.dockmock.junit;

import dev.dockmock.engine.Engine;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.record.Recording;
import dev.dockmock.record.RecordingProxy;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.upstream.UpstreamTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@link Mode#RECORD} when the cassette is missing: through to the upstream, writing the cassette. */
final class Recorders {
    /** The upstream value that records the fake engine instead of a daemon. */
    static final String ENGINE = "engine";

    private Recorders() {
    }

    static Backend record(Settings settings, TestTarget target) throws Exception {
        Path file = Cassettes.file(settings, target);
        String upstream = upstream(settings);
        Closer closer = new Closer();
        try {
            if (upstream.equals(ENGINE)) {
                Engine engine = closer.add(Backends.newEngine(settings));
                CassetteWriter cassette = closer.add(create(file, "dockmock engine, for " + target.describe()));
                Recording recording = new Recording(engine.dispatcher(), cassette);
                closer.add(() -> recording.awaitRecorded(Duration.ofSeconds(2)));
                return new Backend(recording, Mode.RECORD, Optional.of(engine), Optional.empty(), Optional.of(file), closer);
            }
            DockerHost host = DockerHost.parse(upstream);
            probe(host, file);
            CassetteWriter cassette = closer.add(create(file, upstream));
            RecordingProxy proxy = closer.add(RecordingProxy.to(host, tls(host, settings), cassette));
            return new Backend(proxy, Mode.RECORD, Optional.empty(), Optional.empty(), Optional.of(file), closer);
        } catch (Exception e) {
            closer.closeAfter(e);
            throw e;
        }
    }

    /** The upstream named by the test, else {@code dockmock.upstream}, else {@code DOCKER_HOST}, else the default socket. */
    static String upstream(Settings settings) {
        return settings.upstream().or(() -> Optional.ofNullable(System.getProperty("dockmock.upstream")))
                .or(() -> Optional.ofNullable(System.getenv("DOCKER_HOST")).filter(s -> !s.isBlank()))
                .orElse("unix:///var/run/docker.sock");
    }

    /** TLS as the docker CLI takes it from the environment, when recording a tcp daemon named by {@code DOCKER_HOST}. */
    private static Optional<UpstreamTls> tls(DockerHost host, Settings settings) {
        String certPath = System.getenv("DOCKER_CERT_PATH");
        if (!(host instanceof DockerHost.Tcp) || settings.upstream().isPresent() || certPath == null || certPath.isBlank()) {
            return Optional.empty();
        }
        String verify = System.getenv("DOCKER_TLS_VERIFY");
        return Optional.of(UpstreamTls.fromCertPath(Path.of(certPath), verify != null && !verify.isEmpty() && !verify.equals("0")));
    }

    private static CassetteWriter create(Path file, String source) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return CassetteWriter.create(file, source);
    }

    /** Fails before a cassette of {@code 502} answers gets written. */
    private static void probe(DockerHost host, Path file) throws IOException {
        SocketAddress address = host instanceof DockerHost.Unix unix ? UnixDomainSocketAddress.of(unix.path())
                : new InetSocketAddress(((DockerHost.Tcp) host).host(), ((DockerHost.Tcp) host).port());
        try {
            SocketChannel.open(address).close();
        } catch (IOException | RuntimeException e) {
            throw new IOException("dockmock: cannot record " + file + ": the upstream daemon " + host + " does not answer ("
                    + e.getMessage() + "). Start it, point upstream (or -Ddockmock.upstream, or DOCKER_HOST) at a daemon, "
                    + "use upstream = \"engine\" to record the fake engine, or commit the cassette to replay it", e);
        }
    }
}
