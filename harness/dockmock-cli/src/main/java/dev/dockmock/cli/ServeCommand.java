package dev.dockmock.cli;

import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.fixtures.EngineFixtures;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;

/** {@code dockmock serve}: the fake daemon on its host strings until Ctrl-C or SIGTERM. */
final class ServeCommand implements Command {

    @Override
    public String summary() {
        return "Serve the fake Docker API on unix and tcp host strings";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        ServeOptions options = ServeOptions.parse(args);
        if (options.help()) {
            out.print(ServeOptions.HELP);
            return 0;
        }
        DaemonIdentity identity = DaemonIdentity.defaults().withApiRange(options.apiRange());
        EngineConfig config = EngineConfig.defaults().withIdentity(identity);
        if (options.fixtures().isPresent()) {
            try {
                config = EngineFixtures.load(options.fixtures().get()).applyTo(config);
            } catch (IOException | RuntimeException e) {
                err.println("dockmock serve: " + e.getMessage());
                return 1;
            }
        }
        if (options.swarm().isPresent()) {
            return SwarmServe.run(options, options.swarm().get(), config, out, err);
        }
        Engine engine = Engine.create(config);
        DockMockServer.Builder builder = DockMockServer.builder()
                .options(ServerOptions.defaults().withLog(line -> out.println(line)))
                .dispatcher(engine.dispatcher());
        options.tls().ifPresent(builder::tls);
        options.hosts().forEach(builder::host);
        DockMockServer server = builder.build();
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            err.println("dockmock serve: " + e.getMessage());
            engine.close();
            return 1;
        }
        Termination.onSignal(() -> {
            out.println("dockmock: shutting down");
            server.close();
            engine.close();
            out.println("dockmock: stopped");
            out.flush();
        });
        DockerHost first = server.boundHosts().get(0);
        out.println("dockmock ready (API " + identity.apiRange().min() + " to " + identity.apiRange().max() + "). Point clients at it with:");
        out.println("  export DOCKER_HOST=" + first);
        if (options.tls().isPresent() && first instanceof DockerHost.Tcp) {
            out.println("  export DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=<directory with ca.pem, cert.pem, key.pem>");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return KEEP_RUNNING;
    }
}
