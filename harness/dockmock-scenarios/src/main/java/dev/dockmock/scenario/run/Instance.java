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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dockmock a scenario runs against, in this JVM: one engine behind a {@link DockMockControl}
 * (journal, faults, replay or stubs) on the listeners the setup asks for, or a {@link SwarmCluster}
 * with that control in front of every node (journal and fault rules across the nodes).
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
    private final Map<String, String> nodeByListener = new HashMap<>();

    private Instance(Setup setup, Path workDir, TlsFiles tls, DockMockControl control, SwarmCluster cluster) {
        this.setup = setup;
        this.workDir = workDir;
        this.tls = tls;
        this.control = control;
        this.cluster = cluster;
    }

    /** Starts what {@code setup} describes; {@code workDir} holds its unix socket and certificates. */
    public static Instance start(Setup setup, Path workDir) throws IOException {
        TlsFiles tls = TlsFiles.extract(workDir.resolve("tls"));
        EngineConfig config = SetupEngines.config(setup);
        DockMockControl control = DockMockControl.builder().engineConfig(() -> config).build();
        if (setup.swarm().isPresent()) {
            return startSwarm(setup, workDir, tls, control);
        }
        Instance instance = new Instance(setup, workDir, tls, control, null);
        try {
            instance.listen();
            applyFaults(setup, control);
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

    private static Instance startSwarm(Setup setup, Path workDir, TlsFiles tls, DockMockControl control) throws IOException {
        Setup.SwarmSetup shape = setup.swarm().get();
        SwarmCluster cluster;
        try {
            SwarmCluster.Builder builder = SwarmCluster.builder().managers(shape.managers()).workers(shape.workers())
                    .engineConfig(control.engineConfig()).serverOptions(QUIET);
            switch (setup.transports().get(0)) {
                case UNIX -> builder.hosts(shape.nodeNames().stream().map(name -> "unix://" + workDir.resolve(name + ".sock")).toList());
                case TLS -> builder.tls(TlsSettings.verifying(tls.serverCert(), tls.serverKey(), tls.ca()));
                case TCP -> { }
            }
            cluster = builder.start();
        } catch (IOException | RuntimeException e) {
            control.close();
            throw e;
        }
        Instance instance = new Instance(setup, workDir, tls, control, cluster);
        try {
            control.attach(cluster);
            // a node keeps its host strings when taken down and brought up, so this map stays right
            cluster.nodes().forEach(node -> node.hosts().forEach(host -> instance.nodeByListener.put(host.toString(), node.name())));
            applyFaults(setup, control);
            return instance;
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    private static void applyFaults(Setup setup, DockMockControl control) {
        for (Setup.FaultSource faults : setup.faults()) {
            control.apply(FaultDocument.parse(faults.text()));
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
            return new Endpoint(node.dockerHost(), setup.transports().get(0) == Transport.TLS);
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

    /** The control plane: the single engine's, or the one in front of every swarm node. */
    public DockMockControl control() {
        return control;
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

    /** The journal so far: every request to any listener (in a swarm, to any node). */
    public List<JournalEntry> journal() {
        return control.journal().entries();
    }

    /** The swarm node whose listener {@code entry} came to; empty for a single engine. */
    public Optional<String> node(JournalEntry entry) {
        return Optional.ofNullable(nodeByListener.get(entry.request().client().listener()));
    }

    @Override
    public void close() {
        servers.forEach(DockMockServer::close);
        if (cluster != null) {
            cluster.close();
        }
        control.close();
    }
}
