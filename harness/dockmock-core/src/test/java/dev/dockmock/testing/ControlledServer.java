package dev.dockmock.testing;

import dev.dockmock.admin.DockMockControl;
import dev.dockmock.admin.FaultDocument;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The engine behind a control plane with the admin API on, served on a fresh unix socket and a
 * loopback tcp port, with a docker CLI and an HTTP client for the admin API.
 */
public final class ControlledServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final DockMockControl control;
    private final DockMockServer server;

    private ControlledServer(DockMockControl control, DockMockServer server) {
        this.control = control;
        this.server = server;
    }

    public static ControlledServer start() throws IOException {
        return start(EngineConfig::defaults);
    }

    public static ControlledServer start(Supplier<EngineConfig> configs) throws IOException {
        DockMockControl control = DockMockControl.builder().engineConfig(configs).adminOnListeners(true).build();
        DockMockServer server = DockMockServer.builder().host(Wire.freshUnix()).host("tcp://127.0.0.1:0")
                .options(TestServers.quietOptions()).dispatcher(control.dispatcher()).build().start();
        control.attach(server);
        return new ControlledServer(control, server);
    }

    public DockMockControl control() {
        return control;
    }

    public DockMockServer server() {
        return server;
    }

    public DockerHost unix() {
        return server.boundHosts().get(0);
    }

    public DockerHost tcp() {
        return server.boundHosts().get(1);
    }

    /** Adds a fault document (YAML or JSON) through the Java façade. */
    public void faults(String yaml) {
        control.apply(FaultDocument.parse(yaml));
    }

    /** A docker CLI with its own home under {@code home}, talking to the unix socket. */
    public DockerCli cli(Path home) {
        return DockerCli.withHome(home, Duration.ofSeconds(30)).host(unix().toString());
    }

    /** One admin request over tcp: {@code method /_dockmock/...} with an optional body. */
    public HttpResponse<String> admin(String method, String path, String body) throws IOException, InterruptedException {
        DockerHost.Tcp tcp = (DockerHost.Tcp) tcp();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + tcp.host() + ":" + tcp.port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
        control.close();
    }
}
