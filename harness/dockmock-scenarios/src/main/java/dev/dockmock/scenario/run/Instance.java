package dev.dockmock.scenario.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.admin.DockMockControl;
import dev.dockmock.admin.FaultDocument;
import dev.dockmock.admin.JournalEntry;
import dev.dockmock.cluster.ClusterNode;
import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.protocol.Json;
import dev.dockmock.scenario.model.Setup;
import dev.dockmock.scenario.model.Target;
import dev.dockmock.scenario.model.Transport;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.server.TlsSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dockmock a scenario runs against, in this JVM: one engine behind a {@link DockMockControl}
 * (journal, faults, replay or stubs) on the listeners the setup asks for, or a {@link SwarmCluster}.
 */
public final class Instance implements AutoCloseable {
    private static final ServerOptions QUIET = ServerOptions.defaults().withLog(line -> { });

    private final Setup setup;
    private final Path workDir;
    private final TlsFiles tls;
    private final DockMockControl control;
    private final SwarmCluster cluster;
    private final List<DockMockServer> servers = new ArrayList<>();
    private final Map<Transport, String> hosts = new EnumMap<>(Transport.class);

    private Instance(Setup setup, Path workDir, TlsFiles tls, DockMockControl control, SwarmCluster cluster) {
        this.setup = setup;
        this.workDir = workDir;
        this.tls = tls;
        this.control = control;
        this.cluster = cluster;
    }

    /**
     * {@link #start} bounded by {@code timeout}: an instance that comes up later is closed as soon as it does.
     *
     * @throws IOException when setup fails or does not finish in time
     */
    public static Instance startWithin(Setup setup, Path workDir, java.time.Duration timeout) throws IOException, InterruptedException {
        java.util.concurrent.FutureTask<Instance> task = new java.util.concurrent.FutureTask<>(() -> start(setup, workDir));
        Thread thread = new Thread(task, "scenario setup");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            Thread closer = new Thread(() -> {
                try {
                    task.get().close();
                } catch (Exception ignored) {
                    // it failed to start after all: nothing to close
                }
            }, "scenario setup closer");
            closer.setDaemon(true);
            closer.start();
            throw new IOException("setup did not finish within " + DockerProcess.pretty(timeout));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Starts what {@code setup} describes; {@code workDir} holds its unix socket and certificates. */
    public static Instance start(Setup setup, Path workDir) throws IOException {
        TlsFiles tls = TlsFiles.extract(workDir.resolve("tls"));
        EngineConfig config = SetupEngines.config(setup);
        if (setup.swarm().isPresent()) {
            Setup.SwarmSetup shape = setup.swarm().get();
            SwarmCluster cluster = SwarmCluster.builder().managers(shape.managers()).workers(shape.workers()).engineConfig(config)
                    .serverOptions(QUIET).start();
            return new Instance(setup, workDir, tls, null, cluster);
        }
        DockMockControl control = DockMockControl.builder().engineConfig(() -> config).build();
        Instance instance = new Instance(setup, workDir, tls, control, null);
        try {
            instance.listen();
            for (Setup.FaultSource faults : setup.faults()) {
                control.apply(FaultDocument.parse(faults.text()));
            }
            if (setup.cassette().isPresent()) {
                ObjectNode settings = Json.mapper().createObjectNode().put("kind", "replay")
                        .put("cassette", setup.cassette().get().file().toString()).put("mode", setup.cassette().get().mode());
                control.use(settings);
            }
            if (setup.stubs().isPresent()) {
                control.use(Json.mapper().createObjectNode().put("kind", "stubs").put("mappings", setup.stubs().get().toString()));
            }
            return instance;
        } catch (IOException | RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    private void listen() throws IOException {
        DockMockServer.Builder plain = DockMockServer.builder().options(QUIET).dispatcher(control.dispatcher());
        boolean any = false;
        if (setup.transports().contains(Transport.UNIX)) {
            plain.host("unix://" + workDir.resolve("docker.sock"));
            any = true;
        }
        if (setup.transports().contains(Transport.TCP)) {
            plain.host("tcp://127.0.0.1:0");
            any = true;
        }
        if (any) {
            DockMockServer server = plain.build().start();
            servers.add(server);
            control.attach(server);
            server.boundHosts().forEach(h -> hosts.put(h.toString().startsWith("unix") ? Transport.UNIX : Transport.TCP, h.toString()));
        }
        if (setup.transports().contains(Transport.TLS)) {
            DockMockServer server = DockMockServer.builder().options(QUIET).dispatcher(control.dispatcher())
                    .tls(TlsSettings.verifying(tls.serverCert(), tls.serverKey(), tls.ca())).host("tcp://127.0.0.1:0").build().start();
            servers.add(server);
            control.attach(server);
            hosts.put(Transport.TLS, server.boundHosts().get(0).toString());
        }
    }

    /** Where a client should point {@code DOCKER_HOST}, and whether it must speak TLS. */
    public Endpoint endpoint(Target target) {
        if (cluster != null) {
            ClusterNode node = target.node().map(cluster::node).orElseGet(cluster::leader);
            return new Endpoint(node.dockerHost(), false);
        }
        Transport transport = target.transport().orElse(setup.transports().get(0));
        return new Endpoint(hosts.get(transport), transport == Transport.TLS);
    }

    /** A host string and whether it needs TLS with the scenario's client certificate. */
    public record Endpoint(String dockerHost, boolean tls) {
    }

    public TlsFiles tls() {
        return tls;
    }

    public Optional<DockMockControl> control() {
        return Optional.ofNullable(control);
    }

    public Optional<SwarmCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** The engine to read state from: the single one, or a swarm node's (the leader's when none is named). */
    public Engine engine(Optional<String> node) {
        if (cluster == null) {
            return control.engine();
        }
        return node.map(cluster::node).orElseGet(cluster::leader).engine();
    }

    /** The journal so far; empty for a swarm. */
    public List<JournalEntry> journal() {
        return control == null ? List.of() : control.journal().entries();
    }

    @Override
    public void close() {
        servers.forEach(DockMockServer::close);
        if (control != null) {
            control.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }
}
