package dev.dockmock.cluster;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.swarm.SimulatedNode;
import dev.dockmock.engine.swarm.Swarm;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.server.TlsSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    private final NodeFaults faults;
    private final LeaderRouting routing;

    private SwarmCluster(List<ClusterNode> nodes) {
        this.nodes = List.copyOf(nodes);
        this.faults = new NodeFaults(this::refreshDispatchers);
        this.routing = new LeaderRouting(this.nodes, faults::partitioned);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Puts {@code wrapper} in front of every dispatcher the cluster gives a node's server, now and
     * whenever leadership moves: a control plane's journal, fault rules and admin routes.
     */
    public void useFront(UnaryOperator<Dispatcher> wrapper) {
        routing.front(wrapper);
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
        return currentLeader().orElseThrow(() -> new IllegalStateException("the swarm has no leader"));
    }

    /** The node called {@code name}. */
    public ClusterNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    /** The node that leads the swarm now, if any: none without a quorum, or while an election runs. */
    public Optional<ClusterNode> currentLeader() {
        return ClusterNodes.leader(nodes);
    }

    /** Waits up to {@code timeout} for a leader, as a client would retry during an election. */
    public ClusterNode awaitLeader(Duration timeout) throws InterruptedException {
        return ClusterNodes.awaitLeader(nodes, timeout);
    }

    /** Makes {@code manager} the leader, as raft would after the leader failed; the managers' dispatchers follow. */
    public void transferLeadership(ClusterNode manager) {
        manager.engine().swarm().leadership().take();
    }

    /**
     * Simulates {@code node} dying: its listeners close (clients get connection refused), its
     * engine stops, and the swarm marks it down, places its tasks elsewhere and, if it led,
     * elects another ready manager, whose election swaps the other managers' dispatchers.
     */
    public void fail(ClusterNode node) {
        faults.fail(node);
    }

    /**
     * Takes {@code node} down, as a host that powers off: its listeners close and its connections
     * are cut (clients get "connection refused"; a unix socket's file stays, as a dead daemon
     * leaves it), the others see it {@code Down} ({@code Unreachable} for a manager) and place its
     * tasks elsewhere as their restart policy allows, and if it led, the reachable managers elect
     * another after the election timeout, provided more than half of the managers are reachable.
     * Its engine keeps its containers.
     */
    public void down(ClusterNode node) {
        faults.down(node);
    }

    /** Brings {@code node} back after {@link #down} or {@link #partition}: it answers again and is {@code Ready}. */
    public void up(ClusterNode node) {
        faults.up(node);
    }

    /**
     * Cuts {@code node} off from the other nodes while clients still reach it: the others see it
     * {@code Down} as if it had died (and elect a new leader if it led); on the node itself,
     * calls about the swarm's state answer dockerd's no-leader error, and its own containers,
     * images and networks answer as usual.
     */
    public void partition(ClusterNode node) {
        faults.partition(node);
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
        return ClusterNodes.status(nodes, faults::reach);
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
        return nodes.get(0).engine().swarm().simulated().find(nameOrId);
    }

    /** Takes a simulated worker down: {@code Down} in {@code docker node ls}, its tasks placed elsewhere. */
    public SimulatedNode down(SimulatedNode node) {
        return nodes.get(0).engine().swarm().simulated().setState(node.id(), false);
    }

    /** Brings a simulated worker back after {@link #down(SimulatedNode)}: {@code Ready}, taking tasks again. */
    public SimulatedNode up(SimulatedNode node) {
        return nodes.get(0).engine().swarm().simulated().setState(node.id(), true);
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
        return faults.unreachable(node);
    }

    /** Sets how long the swarm stays without a leader after losing it before another is elected (zero: at once). */
    public void electionTimeout(Duration timeout) {
        nodes.get(0).engine().swarm().leadership().electionTimeout(Objects.requireNonNull(timeout, "timeout"));
    }

    private void refreshDispatchers() {
        routing.refresh();
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
            List<ClusterNode> nodes = ClusterLaunch.start(new ClusterPlan(managers, workers, new ArrayList<>(hosts), config, options,
                    tls, simulated));
            SwarmCluster cluster = new SwarmCluster(nodes);
            Swarm first = nodes.get(0).engine().swarm();
            first.leadership().onLeaderChange(cluster.routing::leaderChanged);
            first.leadership().electionTimeout(electionTimeout);
            cluster.routing.leaderChanged(first.nodeId());
            return cluster;
        }
    }
}
