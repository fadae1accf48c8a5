package dev.dockmock.clients.scripted;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.ShortDir;
import java.io.IOException;

/** A fresh engine served on a short unix socket and on a free tcp port of 127.0.0.1, for client tests. */
public final class ServedEngine implements AutoCloseable {
    private final ShortDir sockets;
    private final Engine engine;
    private final DockMockServer server;

    private ServedEngine(ShortDir sockets, Engine engine, DockMockServer server) {
        this.sockets = sockets;
        this.engine = engine;
        this.server = server;
    }

    public static ServedEngine start() throws IOException {
        ShortDir sockets = ShortDir.create();
        Engine engine = Engine.create(EngineConfig.defaults());
        DockMockServer server = DockMockServer.builder().host(sockets.socket("d.sock")).host("tcp://127.0.0.1:0")
                .options(ServerOptions.defaults().withLog(line -> { })).dispatcher(engine.dispatcher()).build().start();
        return new ServedEngine(sockets, engine, server);
    }

    /** The host string of the {@code unix} or the {@code tcp} listener, for {@code DOCKER_HOST}. */
    public String host(String transport) {
        return server.boundHosts().get(transport.equals("unix") ? 0 : 1).toString();
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        sockets.close();
    }
}
