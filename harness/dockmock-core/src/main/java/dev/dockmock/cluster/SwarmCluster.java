package dev.dockmock.cluster;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.swarm.SimulatedNode;
import dev.dockmock.engine.swarm.SwarmDirectory;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.server.TlsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A swarm of several engines in one process, each with listeners of its own: {@code manager1}
 * runs {@code swarm init}, the other managers and the workers join it with the swarm's tokens (in
 * memory, as {@code docker swarm join} would), and every node's server gets the dispatcher its
 * role calls for: the leader and the workers their own engine, the other managers a
 * {@link ForwardingDispatcher} to the leader. When leadership moves, each manager's dispatcher is
 * swapped while clients stay connected.
 */
public final class SwarmCluster implements AutoCloseable {
    private final List<ClusterNode> nodes;
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Set<String> partitioned = ConcurrentHashMap.newKeySet();
    private volatile UnaryOperator<Dispatcher> front = UnaryOperator.identity();

    private SwarmCluster(List<ClusterNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Puts {@code wrapper} in front of every dispatcher the cluster gives a node's server, now and
     * whenever leadership moves: a control plane's journal, fault rules and admin routes.
     */
    public void useFront(UnaryOperator<Dispatcher> wrapper) {
        this.front = Objects.requireNonNull(wrapper, "wrapper");
        refreshDispatchers();
    }

    /** Every node, managers first. */
    public List<ClusterNode> nodes() {
        return nodes;
    }

    public List<ClusterNode> managers() {
        return nodes.stream().filter(ClusterNode::manager).toList();
    }

    public List<ClusterNode> workers() {
        return nodes.stream().filter(n -> !n.manager()).toList();
    }

    /** The node that leads the swarm now. */
    public ClusterNode leader() {
        return nodes.stream().filter(n -> n.engine().swarm().leader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the swarm has no leader"));
    }

    /** The node called {@code name}. */
    public ClusterNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    /** The node that leads the swarm now, if any: none without a quorum, or while an election runs. */
    public Optional<ClusterNode> currentLeader() {
        return nodes.stream().filter(n -> n.engine().swarm().leader()).findFirst();
    }

    /** Waits up to {@code timeout} for a leader, as a client would retry during an election. */
    public ClusterNode awaitLeader(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ClusterNode> leader = currentLeader();
            if (leader.isPresent()) {
                return leader.get();
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no leader elected within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    /** Makes {@code manager} the leader, as raft would after the leader failed; the managers' dispatchers follow. */
    public void transferLeadership(ClusterNode manager) {
        manager.engine().swarm().takeLeadership();
    }

    /**
     * Simulates {@code node} dying: its listeners close (clients get connection refused), its
     * engine stops, and the swarm marks it down, places its tasks elsewhere and, if it led,
     * elects another ready manager, whose election swaps the other managers' dispatchers.
     */
    public void fail(ClusterNode node) {
        node.server().close();
        node.engine().swarm().fail();
        node.engine().close();
    }

    /**
     * Takes {@code node} down, as a host that powers off: its listeners close and its connections
     * are cut (clients get "connection refused"; a unix socket's file stays, as a dead daemon
     * leaves it), the others see it {@code Down} ({@code
     * Unreachable} for a manager) and place its tasks elsewhere as their restart policy allows,
     * and if it led, the reachable managers elect another after the election timeout, provided
     * more than half of the managers are reachable. Its engine keeps its containers.
     */
    public void down(ClusterNode node) {
        down.add(node.name());
        node.server().suspendListening();
        node.engine().swarm().fail();
        refreshDispatchers();
    }

    /** Brings {@code node} back after {@link #down} or {@link #partition}: it answers again and is {@code Ready}. */
    public void up(ClusterNode node) {
        try {
            node.server().resumeListening();
        } catch (IOException e) {
            throw new UncheckedIOException("bringing " + node.name() + " up: " + e.getMessage(), e);
        }
        down.remove(node.name());
        partitioned.remove(node.name());
        node.engine().swarm().recover();
        refreshDispatchers();
    }

    /**
     * Cuts {@code node} off from the other nodes while clients still reach it: the others see it
     * {@code Down} as if it had died (and elect a new leader if it led); on the node itself,
     * calls about the swarm's state answer dockerd's no-leader error, and its own containers,
     * images and networks answer as usual.
     */
    public void partition(ClusterNode node) {
        partitioned.add(node.name());
        node.engine().swarm().fail();
        refreshDispatchers();
    }

    /** Ends the partition of {@code node}: the same as {@link #up}. */
    public void heal(ClusterNode node) {
        up(node);
    }

    /** Takes the current leader down ({@link #down}) and returns it. */
    public ClusterNode killLeader() {
        ClusterNode leader = leader();
        down(leader);
        return leader;
    }

    /**
     * Demotes {@code manager} to a worker through the swarm API, as {@code docker node demote}
     * would; if it led, the other reachable managers elect a new leader.
     */
    public void demote(ClusterNode manager) {
        ClusterNode leader = leader();
        SwarmFormation.demote(leader.engine(), manager.nodeId());
    }

    /**
     * Sets {@code node}'s availability ({@code active}, {@code pause}, {@code drain}) through the
     * leader, as {@code docker node update --availability} would: a drained node's tasks move.
     *
     * @throws IllegalStateException when the swarm has no leader
     */
    public void availability(ClusterNode node, String availability) {
        SwarmFormation.availability(leader().engine(), node.nodeId(), availability);
    }

    /** Each node's role, leadership, reachability, swarm state and availability, managers first. */
    public List<NodeStatus> status() {
        return ClusterNodes.status(nodes, node -> down.contains(node.name()) ? "down"
                : partitioned.contains(node.name()) ? "partitioned" : "up");
    }

    /** The node called {@code nameOrId}, by name, node id or unique id prefix; {@code leader} is the current leader. */
    public Optional<ClusterNode> find(String nameOrId) {
        return nameOrId.equals("leader") ? currentLeader() : ClusterNodes.find(nodes, nameOrId);
    }

    /**
     * A simulated worker ({@link Builder#simulatedWorkers}) by host name ({@code sim-0001}), node
     * id or unique id prefix, as the swarm sees it now.
     */
    public Optional<SimulatedNode> simulated(String nameOrId) {
        return nodes.get(0).engine().swarm().simulatedNode(nameOrId);
    }

    /** Takes a simulated worker down: {@code Down} in {@code docker node ls}, its tasks placed elsewhere. */
    public SimulatedNode down(SimulatedNode node) {
        return nodes.get(0).engine().swarm().simulatedNodeState(node.id(), false);
    }

    /** Brings a simulated worker back after {@link #down(SimulatedNode)}: {@code Ready}, taking tasks again. */
    public SimulatedNode up(SimulatedNode node) {
        return nodes.get(0).engine().swarm().simulatedNodeState(node.id(), true);
    }

    /**
     * Sets a simulated worker's availability through the leader, as {@code docker node update
     * --availability} would.
     *
     * @throws IllegalStateException when the swarm has no leader
     */
    public SimulatedNode availability(SimulatedNode node, String availability) {
        SwarmFormation.availability(leader().engine(), node.id(), availability);
        return simulated(node.id()).orElseThrow();
    }

    /** Whether {@code node} is down ({@link #down}) or partitioned ({@link #partition}). */
    public boolean unreachable(ClusterNode node) {
        return down.contains(node.name()) || partitioned.contains(node.name());
    }

    /** Sets how long the swarm stays without a leader after losing it before another is elected (zero: at once). */
    public void electionTimeout(Duration timeout) {
        nodes.get(0).engine().swarm().electionTimeout(Objects.requireNonNull(timeout, "timeout"));
    }

    private void refreshDispatchers() {
        leaderChanged(currentLeader().map(ClusterNode::nodeId).orElse(""));
    }

    private void leaderChanged(String leaderId) {
        ClusterNode leader = nodes.stream().filter(n -> n.nodeId().equals(leaderId)).findFirst().orElse(null);
        for (ClusterNode node : nodes) {
            boolean manager = node.engine().swarm().pingState().equals("active/manager");
            Dispatcher own = node.engine().dispatcher();
            // a node that is down has no listener; its dispatcher answers again once it is up
            node.server().setDispatcher(front.apply(leader == null || node == leader || !manager || partitioned.contains(node.name()) ? own
                    : new ForwardingDispatcher(own, leader.engine().dispatcher())));
        }
    }

    /** Stops every server, then every engine. */
    @Override
    public void close() {
        nodes.forEach(n -> n.server().close());
        nodes.forEach(n -> n.engine().close());
    }

    /** Builds a {@link SwarmCluster}. */
    public static final class Builder {
        private int managers = 1;
        private int workers;
        private final List<String> hosts = new ArrayList<>();
        private EngineConfig config = EngineConfig.defaults();
        private ServerOptions options = ServerOptions.defaults();
        private TlsSettings tls;
        private Duration electionTimeout = Duration.ZERO;
        private int simulated;

        private Builder() {
        }

        /** How many managers (at least one; {@code manager1} leads at first). */
        public Builder managers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a swarm needs at least one manager");
            }
            this.managers = count;
            return this;
        }

        public Builder workers(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("workers must not be negative");
            }
            this.workers = count;
            return this;
        }

        /** Host strings for the nodes in order (managers, then workers); nodes beyond them listen on {@code tcp://127.0.0.1:0}. */
        public Builder hosts(List<String> hostStrings) {
            this.hosts.clear();
            this.hosts.addAll(hostStrings);
            return this;
        }

        /** The engines' configuration; each node gets its own identity (its host name is the node's name). */
        public Builder engineConfig(EngineConfig engineConfig) {
            this.config = Objects.requireNonNull(engineConfig, "engineConfig");
            return this;
        }

        public Builder serverOptions(ServerOptions serverOptions) {
            this.options = Objects.requireNonNull(serverOptions, "serverOptions");
            return this;
        }

        /** How long the swarm goes without a leader after losing it, before the reachable managers elect another (zero: at once). */
        public Builder electionTimeout(Duration timeout) {
            this.electionTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Adds {@code count} simulated workers ({@code sim-0001}, ...): nodes in the swarm with no
         * engine and no listener, whose tasks run as entries in a map (docs/swarm.md, "Scale").
         * They are not among {@link SwarmCluster#nodes()}; {@link SwarmCluster#simulated} finds
         * them, to take them down and up.
         */
        public Builder simulatedWorkers(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("simulated workers must not be negative");
            }
            this.simulated = count;
            return this;
        }

        /** Serves every node's tcp listeners with TLS. */
        public Builder tls(TlsSettings settings) {
            this.tls = settings;
            return this;
        }

        /** Creates the engines, forms the swarm and starts every node's listeners. */
        public SwarmCluster start() throws IOException {
            SwarmDirectory directory = new SwarmDirectory();
            List<Engine> engines = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < managers + workers; i++) {
                String name = i < managers ? "manager" + (i + 1) : "worker" + (i - managers + 1);
                DaemonIdentity base = config.identity();
                DaemonIdentity identity = new DaemonIdentity(String.format("DMCK:SWRM:%04d", i + 1), name, base.engineVersion(),
                        base.apiRange());
                Engine engine = Engine.create(config.withIdentity(identity));
                engine.swarm().useDirectory(directory);
                engines.add(engine);
                names.add(name);
            }
            List<ClusterNode> nodes = new ArrayList<>();
            try {
                SwarmFormation.form(engines, managers);
                for (int i = 0; i < engines.size(); i++) {
                    DockMockServer.Builder server = DockMockServer.builder().options(options)
                            .host(i < hosts.size() ? hosts.get(i) : "tcp://127.0.0.1:0")
                            .dispatcher(engines.get(i).dispatcher());
                    if (tls != null) {
                        server.tls(tls);
                    }
                    nodes.add(new ClusterNode(names.get(i), i < managers, SwarmFormation.address(i), engines.get(i),
                            server.build().start()));
                }
            } catch (IOException | RuntimeException e) {
                nodes.forEach(n -> n.server().close());
                engines.forEach(Engine::close);
                throw e;
            }
            if (simulated > 0) {
                engines.get(0).swarm().addSimulatedNodes(simulated, "sim");
            }
            SwarmCluster cluster = new SwarmCluster(nodes);
            engines.get(0).swarm().onLeaderChange(cluster::leaderChanged);
            engines.get(0).swarm().electionTimeout(electionTimeout);
            cluster.leaderChanged(engines.get(0).swarm().nodeId());
            return cluster;
        }
    }
}
