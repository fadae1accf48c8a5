package dev.dockmock.testing;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A fake engine served on a fresh short unix socket, with a docker CLI pointed at it. */
public final class EngineServer implements AutoCloseable {
    private final Engine engine;
    private final DockMockServer server;
    private final Path dir;

    private EngineServer(Engine engine, DockMockServer server, Path dir) {
        this.engine = engine;
        this.server = server;
        this.dir = dir;
    }

    /** Starts {@code config}'s engine on {@code /tmp/dmXXXX/d.sock}. */
    public static EngineServer start(EngineConfig config) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dm");
        Engine engine = Engine.create(config);
        DockMockServer server = DockMockServer.builder()
                .host("unix://" + dir.resolve("d.sock"))
                .options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(engine.dispatcher())
                .build().start();
        return new EngineServer(engine, server, dir);
    }

    public Engine engine() {
        return engine;
    }

    public DockMockServer server() {
        return server;
    }

    public String dockerHost() {
        return server.boundHosts().get(0).toString();
    }

    /** A docker CLI with its own home under {@code home}, talking to this server. */
    public DockerCli cli(Path home) {
        return DockerCli.withHome(home, Duration.ofSeconds(30)).host(dockerHost());
    }

    @Override
    public void close() throws IOException {
        server.close();
        engine.close();
        Files.deleteIfExists(dir.resolve("d.sock"));
        Files.deleteIfExists(dir);
    }
}
