package dev.dockmock.cli;

import dev.dockmock.admin.DockMockControl;
import dev.dockmock.admin.FaultDocument;
import dev.dockmock.cluster.ClusterNode;
import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code dockmock serve --swarm managers=M,workers=W}: a swarm of M + W engines, each listening
 * on a host of its own. The {@code -H} hosts go to the nodes in order (managers first); nodes
 * without one listen on an ephemeral tcp port. With no {@code -H}, manager1 takes the default
 * unix socket. Every node answers through the control plane: {@code --admin} serves the admin
 * API (node faults included) on every node, {@code --admin-host} on a listener of its own, and
 * the journal and fault files cover all nodes.
 */
final class SwarmServe {

    private SwarmServe() {
    }

    static int run(ServeOptions options, SwarmShape shape, DockMockControl control, List<FaultDocument> faults, PrintStream out,
            PrintStream err) {
        ServerOptions serverOptions = ServerOptions.defaults().withLog(out::println);
        EngineConfig config = control.engineConfig();
        SwarmCluster.Builder builder = SwarmCluster.builder().managers(shape.managers()).workers(shape.workers())
                .simulatedWorkers(shape.simulated())
                .hosts(options.hosts().stream().map(Object::toString).toList())
                .engineConfig(config)
                .serverOptions(serverOptions);
        options.tls().ifPresent(builder::tls);
        SwarmCluster cluster;
        DockMockServer admin = null;
        try {
            cluster = builder.start();
        } catch (IOException | RuntimeException e) {
            err.println("dockmock serve: " + e.getMessage());
            control.close();
            return 1;
        }
        control.attach(cluster);
        faults.forEach(control::apply);
        try {
            if (options.adminHost().isPresent()) {
                admin = DockMockServer.builder().options(serverOptions).dispatcher(control.adminDispatcher())
                        .host(options.adminHost().get()).build().start();
            }
        } catch (IOException | RuntimeException e) {
            err.println("dockmock serve: " + e.getMessage());
            cluster.close();
            control.close();
            return 1;
        }
        DockMockServer adminServer = admin;
        Termination.onSignal(() -> {
            out.println("dockmock: shutting down");
            if (adminServer != null) {
                adminServer.close();
            }
            cluster.close();
            control.close();
            out.println("dockmock: stopped");
            out.flush();
        });
        out.println("dockmock swarm: " + shape.managers() + (shape.managers() == 1 ? " manager, " : " managers, ")
                + shape.workers() + (shape.workers() == 1 ? " worker" : " workers")
                + (shape.simulated() > 0 ? ", " + shape.simulated() + " simulated workers (sim-0001...)" : ""));
        ClusterNode leader = cluster.leader();
        for (ClusterNode node : cluster.nodes()) {
            String role = node == leader ? "leader" : node.manager() ? "manager" : "worker";
            out.printf("  %-10s %-8s %s%n", node.name(), role, node.dockerHost());
        }
        out.println("dockmock ready (API " + config.identity().apiRange().min() + " to " + config.identity().apiRange().max()
                + "). Point clients at the leader with:");
        out.println("  export DOCKER_HOST=" + leader.dockerHost());
        if (options.admin()) {
            out.println("Admin API on every node's listeners under /_dockmock/ (node faults: /_dockmock/nodes)");
        }
        if (adminServer != null) {
            out.println("Admin API on " + adminServer.boundHosts().get(0) + " under /_dockmock/");
        }
        if (!faults.isEmpty()) {
            out.println("Faults applied: " + control.faults().list().size() + " request rules");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return Command.KEEP_RUNNING;
    }
}
