package dev.dockmock.testing;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;

/** Starts servers for tests: one listener on a fresh host of the given wire, quiet log. */
public final class TestServers {

    private TestServers() {
    }

    /** Options for tests: defaults without the log line per listener. */
    public static ServerOptions quietOptions() {
        return ServerOptions.defaults().withLog(line -> { });
    }

    public static DockMockServer start(Wire wire, Dispatcher dispatcher) throws IOException {
        return start(wire, dispatcher, quietOptions());
    }

    public static DockMockServer start(Wire wire, Dispatcher dispatcher, ServerOptions options) throws IOException {
        return DockMockServer.builder().host(wire.host()).options(options).dispatcher(dispatcher).build().start();
    }

    /** Where the server's (only) listener really is. */
    public static DockerHost hostOf(DockMockServer server) {
        return server.boundHosts().get(0);
    }

    /** A raw client connected to the server's first listener. */
    public static RawHttpClient connect(DockMockServer server) throws IOException {
        return RawHttpClient.connect(hostOf(server));
    }
}
