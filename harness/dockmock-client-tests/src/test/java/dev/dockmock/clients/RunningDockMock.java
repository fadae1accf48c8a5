package dev.dockmock.clients;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.DockMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An engine served on a unix socket, for client tests. */
final class RunningDockMock implements AutoCloseable {
    final Engine engine;
    final DockMockServer server;
    final Path socket;

    private RunningDockMock(Engine engine, DockMockServer server, Path socket) {
        this.engine = engine;
        this.server = server;
        this.socket = socket;
    }

    /** On a fresh short socket path. */
    static RunningDockMock start() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dmc");
        return startAt(dir.resolve("d.sock"));
    }

    static RunningDockMock startAt(Path socket) throws IOException {
        Engine engine = Engine.create(EngineConfig.defaults());
        DockMockServer server = DockMockServer.builder().host("unix://" + socket).dispatcher(engine.dispatcher()).build().start();
        return new RunningDockMock(engine, server, socket);
    }

    String dockerHost() {
        return "unix://" + socket;
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
