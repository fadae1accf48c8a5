package dev.dockmock.record;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.upstream.UpstreamClient;
import dev.dockmock.upstream.UpstreamTls;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Sits between Docker clients and a real daemon: forwards every request (see {@link Forwarding})
 * and records every completed interaction into a cassette (see {@link Recording}). Serve it with a
 * {@code DockMockServer} and point clients' {@code DOCKER_HOST} at that server.
 *
 * <pre>{@code
 * try (CassetteWriter cassette = CassetteWriter.create(file, "unix:///run/docker.sock");
 *      RecordingProxy recorder = RecordingProxy.to(DockerHost.parse("unix:///run/docker.sock"), Optional.empty(), cassette);
 *      DockMockServer proxy = DockMockServer.builder().host("unix:///tmp/rec.sock").dispatcher(recorder).build().start()) {
 *     // run docker commands against unix:///tmp/rec.sock
 * }
 * }</pre>
 */
public final class RecordingProxy implements Dispatcher, AutoCloseable {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final Forwarding forwarding;
    private final Recording recording;

    public RecordingProxy(UpstreamClient upstream, CassetteWriter cassette) {
        this.forwarding = new Forwarding(upstream);
        this.recording = new Recording(forwarding, cassette);
    }

    /**
     * A proxy to {@code upstream}, over TLS when {@code tls} is given.
     *
     * @throws IOException when a TLS file cannot be used
     */
    public static RecordingProxy to(DockerHost upstream, Optional<UpstreamTls> tls, CassetteWriter cassette)
            throws IOException {
        UpstreamClient client = tls.isPresent() ? UpstreamClient.of(upstream, tls.get()) : UpstreamClient.of(upstream);
        return new RecordingProxy(client, cassette);
    }

    public DockerHost upstream() {
        return forwarding.upstream().host();
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        return recording.dispatch(request);
    }

    /**
     * Ends upstream connections still open (see {@link Forwarding#close()}) and waits briefly until
     * their interactions are written, so streams whose clients left are recorded as cut short.
     * Close the server first, then this, then the cassette.
     */
    @Override
    public void close() {
        forwarding.close();
        try {
            recording.awaitRecorded(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
