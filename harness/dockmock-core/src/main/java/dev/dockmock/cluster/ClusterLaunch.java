package dev.dockmock.cluster;

import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.swarm.SwarmDirectory;
import dev.dockmock.server.DockMockServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starting the nodes of a {@link SwarmCluster}: an engine per node, each with an identity of its
 * own and all sharing one {@link SwarmDirectory}; the swarm formed among them; every node's
 * listeners started; then the simulated workers added.
 */
final class ClusterLaunch {

    private ClusterLaunch() {
    }

    /** The started nodes, managers first; if a node fails to start, those started so far are stopped. */
    static List<ClusterNode> start(ClusterPlan plan) throws IOException {
        SwarmDirectory directory = new SwarmDirectory();
        List<Engine> engines = new ArrayList<>();
        for (int i = 0; i < plan.managers() + plan.workers(); i++) {
            DaemonIdentity base = plan.config().identity();
            DaemonIdentity identity = new DaemonIdentity(String.format("DMCK:SWRM:%04d", i + 1), plan.name(i), base.engineVersion(),
                    base.apiRange());
            Engine engine = Engine.create(plan.config().withIdentity(identity));
            engine.swarm().useDirectory(directory);
            engines.add(engine);
        }
        List<ClusterNode> nodes = new ArrayList<>();
        try {
            SwarmFormation.form(engines, plan.managers());
            for (int i = 0; i < engines.size(); i++) {
                DockMockServer.Builder server = DockMockServer.builder().options(plan.options()).host(plan.host(i))
                        .dispatcher(engines.get(i).dispatcher());
                if (plan.tls() != null) {
                    server.tls(plan.tls());
                }
                nodes.add(new ClusterNode(plan.name(i), i < plan.managers(), SwarmFormation.address(i), engines.get(i),
                        server.build().start()));
            }
        } catch (IOException | RuntimeException e) {
            nodes.forEach(n -> n.server().close());
            engines.forEach(Engine::close);
            throw e;
        }
        if (plan.simulated() > 0) {
            engines.get(0).swarm().simulated().add(plan.simulated(), "sim");
        }
        return nodes;
    }
}
