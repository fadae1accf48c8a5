package dev.dockmock.clients;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.faults.FaultDispatcher;
import dev.dockmock.faults.FaultRules;
import dev.dockmock.server.DockMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An engine served on a unix socket, behind fault rules ({@link #faults}), for client tests. */
final class RunningDockMock implements AutoCloseable {
    final Engine engine;
    final DockMockServer server;
    final Path socket;
    final FaultRules faults;

    private RunningDockMock(Engine engine, DockMockServer server, Path socket, FaultRules faults) {
        this.engine = engine;
        this.faults = faults;
        this.server = server;
        this.socket = socket;
    }

    /** On a fresh short socket path. */
    static RunningDockMock start() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dmc");
        dir.toFile().deleteOnExit();
        return startAt(dir.resolve("d.sock"));
    }

    static RunningDockMock startAt(Path socket) throws IOException {
        Engine engine = Engine.create(EngineConfig.defaults());
        FaultRules faults = new FaultRules();
        DockMockServer server = DockMockServer.builder().host("unix://" + socket)
                .dispatcher(new FaultDispatcher(faults, engine.dispatcher())).build().start();
        return new RunningDockMock(engine, server, socket, faults);
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
