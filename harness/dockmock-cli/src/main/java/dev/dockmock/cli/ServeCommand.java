package dev.dockmock.cli;

import dev.dockmock.admin.DockMockControl;
import dev.dockmock.admin.FaultDocument;
import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.fixtures.EngineFixtures;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

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
        DockMockControl control;
        List<FaultDocument> faults;
        try {
            control = DockMockControl.builder().engineConfig(configs(options, identity))
                    .adminOnListeners(options.admin()).build();
            faults = FaultFiles.load(options.faults());
        } catch (IOException | RuntimeException e) {
            err.println("dockmock serve: " + (e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage()));
            return 1;
        }
        if (options.swarm().isPresent()) {
            return SwarmServe.run(options, options.swarm().get(), control, faults, out, err);
        }
        faults.forEach(control::apply);
        ServerOptions serverOptions = ServerOptions.defaults().withLog(line -> out.println(line));
        DockMockServer.Builder builder = DockMockServer.builder().options(serverOptions).dispatcher(control.dispatcher());
        options.tls().ifPresent(builder::tls);
        options.hosts().forEach(builder::host);
        DockMockServer server = builder.build();
        DockMockServer admin = options.adminHost().map(host -> DockMockServer.builder().options(serverOptions)
                .dispatcher(control.adminDispatcher()).host(host).build()).orElse(null);
        try {
            server.start();
            if (admin != null) {
                admin.start();
            }
        } catch (IOException | RuntimeException e) {
            err.println("dockmock serve: " + e.getMessage());
            server.close();
            control.close();
            return 1;
        }
        control.attach(server);
        Termination.onSignal(() -> {
            out.println("dockmock: shutting down");
            if (admin != null) {
                admin.close();
            }
            server.close();
            control.close();
            out.println("dockmock: stopped");
            out.flush();
        });
        DockerHost first = server.boundHosts().get(0);
        out.println("dockmock ready (API " + identity.apiRange().min() + " to " + identity.apiRange().max() + "). Point clients at it with:");
        out.println("  export DOCKER_HOST=" + first);
        if (options.tls().isPresent() && first instanceof DockerHost.Tcp) {
            out.println("  export DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=<directory with ca.pem, cert.pem, key.pem>");
        }
        if (options.admin()) {
            out.println("Admin API on the same listeners: " + first + " under /_dockmock/");
        }
        if (admin != null) {
            out.println("Admin API on " + admin.boundHosts().get(0) + " under /_dockmock/");
        }
        if (!faults.isEmpty()) {
            out.println("Faults applied: " + control.faults().list().size() + " request rules, "
                    + control.engine().faults().pulls().size() + " pull and " + control.engine().faults().containers().size()
                    + " container faults");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        // Start-up garbage (the parsed catalogue and fixtures, class loading) fills a young heap
        // that a mostly idle fake daemon would otherwise keep resident: one collection now lets
        // the JVM give it back (idle resident size 78 MB -> 63 MB on Java 17, docs/performance.md).
        System.gc();
        return KEEP_RUNNING;
    }

    /** Engines at start and at each admin reset: the identity and the fixtures directory, read afresh. */
    private static Supplier<EngineConfig> configs(ServeOptions options, DaemonIdentity identity) throws IOException {
        Supplier<EngineConfig> supplier = () -> {
            EngineConfig config = EngineConfig.defaults().withIdentity(identity).withHostBinds(options.hostBinds());
            if (options.fixtures().isEmpty()) {
                return config;
            }
            try {
                return EngineFixtures.load(options.fixtures().get()).applyTo(config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            supplier.get();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return supplier;
    }
}
