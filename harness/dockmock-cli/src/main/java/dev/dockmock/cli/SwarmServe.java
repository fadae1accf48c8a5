package dev.dockmock.cli;

import dev.dockmock.cluster.ClusterNode;
import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code dockmock serve --swarm managers=M,workers=W}: a swarm of M + W engines, each listening
 * on a host of its own. The {@code -H} hosts go to the nodes in order (managers first); nodes
 * without one listen on an ephemeral tcp port. With no {@code -H}, manager1 takes the default
 * unix socket.
 */
final class SwarmServe {

    private SwarmServe() {
    }

    static int run(ServeOptions options, SwarmShape shape, EngineConfig config, PrintStream out, PrintStream err) {
        SwarmCluster.Builder builder = SwarmCluster.builder().managers(shape.managers()).workers(shape.workers())
                .hosts(options.hosts().stream().map(Object::toString).toList())
                .engineConfig(config)
                .serverOptions(ServerOptions.defaults().withLog(out::println));
        options.tls().ifPresent(builder::tls);
        SwarmCluster cluster;
        try {
            cluster = builder.start();
        } catch (IOException | RuntimeException e) {
            err.println("dockmock serve: " + e.getMessage());
            return 1;
        }
        Termination.onSignal(() -> {
            out.println("dockmock: shutting down");
            cluster.close();
            out.println("dockmock: stopped");
            out.flush();
        });
        out.println("dockmock swarm: " + shape.managers() + (shape.managers() == 1 ? " manager, " : " managers, ")
                + shape.workers() + (shape.workers() == 1 ? " worker" : " workers"));
        ClusterNode leader = cluster.leader();
        for (ClusterNode node : cluster.nodes()) {
            String role = node == leader ? "leader" : node.manager() ? "manager" : "worker";
            out.printf("  %-10s %-8s %s%n", node.name(), role, node.dockerHost());
        }
        out.println("dockmock ready (API " + config.identity().apiRange().min() + " to " + config.identity().apiRange().max()
                + "). Point clients at the leader with:");
        out.println("  export DOCKER_HOST=" + leader.dockerHost());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return Command.KEEP_RUNNING;
    }
}
