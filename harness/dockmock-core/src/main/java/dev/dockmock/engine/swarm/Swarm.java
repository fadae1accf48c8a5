package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.SwarmStatus;
import dev.dockmock.engine.system.NoSwarmRoutes;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Swarm mode of one engine: whether it is in a swarm and as what, the swarm API it serves, and
 * what {@code /_ping} and {@code /info} say about it. Before {@code swarm init} (or a join) every
 * swarm call answers dockerd's 503; a worker answers them with dockerd's worker message; a
 * manager answers them from the swarm's state, which all engines of one swarm share.
 */
public final class Swarm implements SwarmStatus, AutoCloseable {
    /** dockerd's answer on a worker to calls that need a manager. */
    public static final String WORKER = "This node is not a swarm manager. Worker nodes can't be used to view or modify "
            + "cluster state. Please run this command on a manager node or promote the current node to a manager.";
    /**
     * dockerd's answer, relayed from swarmkit, to calls about the swarm's state on a manager that
     * has no leader to reach: too few managers are up, or this one is cut off from them.
     */
    public static final String NO_LEADER = "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible "
            + "that too few managers are online. Make sure more than half of the managers are online.";
    static final String ALREADY_IN_SWARM = SwarmMembership.ALREADY_IN_SWARM;
    static final String LAST_MANAGER = SwarmMembership.LAST_MANAGER;

    private final EngineContext context;
    private final SwarmMembership membershipOps;
    private final String defaultAddr;
    private volatile SwarmDirectory directory = new SwarmDirectory();
    private volatile Membership membership;

    /**
     * This engine's place in a swarm.
     *
     * @param cluster the swarm's state
     * @param nodeId this engine's node
     */
    record Membership(ClusterState cluster, String nodeId) {
    }

    /**
     * @param runtime how this engine runs the swarm's tasks
     * @param defaultAddr the address this node advertises when {@code swarm init} or {@code join} names none
     */
    public Swarm(EngineContext context, NodeRuntime runtime, String defaultAddr) {
        this.context = context;
        this.membershipOps = new SwarmMembership(context, runtime);
        this.defaultAddr = defaultAddr;
    }

    /** Lets this engine find, and be found by, the engines sharing {@code shared} when joining a swarm. */
    public void useDirectory(SwarmDirectory shared) {
        this.directory = shared;
    }

    /** The swarm API: {@code /swarm}, {@code /nodes}, {@code /services}, {@code /tasks}, {@code /secrets}, {@code /configs}. */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>(new SwarmRoutes(this).routes());
        routes.addAll(new NodeRoutes(this).routes());
        routes.addAll(new ServiceRoutes(this).routes());
        routes.addAll(new TaskRoutes(this).routes());
        routes.addAll(new SecretRoutes(this, StoredObject.Kind.SECRET).routes());
        routes.addAll(new SecretRoutes(this, StoredObject.Kind.CONFIG).routes());
        return routes;
    }

    /**
     * The swarm's state, for a call that needs a manager.
     *
     * @throws DockerException 503 with dockerd's advice when this engine is in no swarm or is a worker
     */
    ClusterState manager() {
        Membership current = membership;
        if (current == null) {
            throw new DockerException(503, NoSwarmRoutes.NOT_A_MANAGER);
        }
        synchronized (current.cluster().lock()) {
            SwarmNode self = current.cluster().nodes.get(current.nodeId());
            if (self == null || !self.manager()) {
                throw new DockerException(503, WORKER);
            }
            if (!self.state().equals("ready") || current.cluster().leader() == null) {
                throw new DockerException(500, NO_LEADER);
            }
        }
        return current.cluster();
    }

    Membership membership() {
        return membership;
    }

    /** This engine's node id, empty when it is in no swarm. */
    public String nodeId() {
        Membership current = membership;
        return current == null ? "" : current.nodeId();
    }

    /** {@code POST /swarm/init}: a new swarm with this engine as its only manager; returns the node id. */
    String init(JsonNode request) {
        synchronized (this) {
            if (membership != null) {
                throw new DockerException(503, ALREADY_IN_SWARM);
            }
            membership = membershipOps.init(request, address(request), directory);
        }
        notifyEngine();
        return membership.nodeId();
    }

    /** {@code POST /swarm/join}: joins the swarm of a manager found through the directory. */
    void join(JsonNode request) {
        synchronized (this) {
            if (membership != null) {
                throw new DockerException(503, ALREADY_IN_SWARM);
            }
            membership = membershipOps.join(request, address(request), directory);
        }
        notifyEngine();
    }

    /** {@code POST /swarm/leave}: a manager must be forced; this engine's task containers are removed. */
    void leave(boolean force) throws InterruptedException {
        synchronized (this) {
            Membership current = membership;
            if (current == null) {
                throw new DockerException(503, SwarmMembership.NOT_IN_SWARM);
            }
            membershipOps.leave(current, force, directory);
            membership = null;
        }
        notifyEngine();
    }

    /**
     * Makes this engine's node fail as far as the swarm is concerned: the other nodes see it
     * down, its tasks are placed elsewhere, and if it led, another manager is elected. For
     * simulating a node that dies; the engine itself keeps whatever it runs.
     */
    public void fail() {
        Membership current = membership;
        if (current != null) {
            membershipOps.fail(current);
        }
    }

    /**
     * Brings this engine's node back after {@link #fail()}: the others see it {@code ready} again,
     * the scheduler may give it tasks, and the managers elect a leader if they had none.
     */
    public void recover() {
        Membership current = membership;
        if (current != null) {
            membershipOps.recover(current);
        }
    }

    /** How long this engine's swarm stays without a leader after losing one before electing another (zero: at once). */
    public void electionTimeout(java.time.Duration timeout) {
        Membership current = membership;
        if (current != null) {
            synchronized (current.cluster().lock()) {
                current.cluster().electionTimeout(timeout);
            }
        }
    }

    /** Whether this engine's swarm has a leader now. */
    public boolean hasLeader() {
        Membership current = membership;
        if (current == null) {
            return false;
        }
        synchronized (current.cluster().lock()) {
            return current.cluster().leader() != null;
        }
    }

    /** Whether this engine's node is up as far as its swarm knows ({@code ready}, not {@code down}). */
    public boolean ready() {
        Membership current = membership;
        if (current == null) {
            return false;
        }
        synchronized (current.cluster().lock()) {
            SwarmNode self = current.cluster().nodes.get(current.nodeId());
            return self != null && self.state().equals("ready");
        }
    }

    /** This engine's node's availability ({@code active}, {@code pause}, {@code drain}); empty in no swarm. */
    public String availability() {
        Membership current = membership;
        if (current == null) {
            return "";
        }
        synchronized (current.cluster().lock()) {
            SwarmNode self = current.cluster().nodes.get(current.nodeId());
            return self == null ? "" : self.availability();
        }
    }

    /**
     * Adds {@code count} simulated worker nodes to this engine's swarm, named {@code prefix-0001},
     * ...: nodes with no engine and no listener whose tasks "run" as entries in a map (see
     * docs/swarm.md, "Scale"). They are {@code ready} and {@code active} and take tasks as any
     * node does. This engine must be a manager of a swarm with a leader.
     *
     * @return the new nodes' ids
     */
    public List<String> addSimulatedNodes(int count, String prefix) {
        return SimulatedNodeRuntime.addNodes(manager(), count, prefix, context.identity().engineVersion());
    }

    /** The simulated node of this engine's swarm called {@code nameOrId} (host name, node id or unique prefix), if any. */
    public java.util.Optional<SimulatedNode> simulatedNode(String nameOrId) {
        Membership current = membership;
        return current == null ? java.util.Optional.empty() : SimulatedNodes.find(current.cluster(), nameOrId);
    }

    /**
     * Takes a simulated node down ({@code up} false: {@code Down} in {@code docker node ls}, its
     * tasks placed elsewhere) or brings it back up ({@code Ready}, taking tasks again).
     *
     * @return the node afterwards
     * @throws DockerException 404 when this engine's swarm has no such simulated node
     */
    public SimulatedNode simulatedNodeState(String nodeId, boolean up) {
        Membership current = membership;
        if (current == null) {
            throw new DockerException(503, NoSwarmRoutes.NOT_A_MANAGER);
        }
        return SimulatedNodes.setState(current.cluster(), nodeId, up);
    }

    private void notifyEngine() {
        synchronized (context.lock()) {
            context.changed();
        }
    }

    /** The address to advertise: {@code AdvertiseAddr}, else a specific {@code ListenAddr}, else the default; ports dropped. */
    private String address(JsonNode request) {
        for (String field : List.of("AdvertiseAddr", "ListenAddr")) {
            String addr = request.path(field).asText("");
            int colon = addr.lastIndexOf(':');
            String host = colon >= 0 && addr.indexOf(':') == colon ? addr.substring(0, colon) : addr;
            if (host.matches("[0-9.]+") && !host.equals("0.0.0.0")) {
                return host;
            }
        }
        return defaultAddr;
    }

    /** Calls {@code listener} with the leader's node id whenever leadership of this engine's swarm moves. */
    public void onLeaderChange(Consumer<String> listener) {
        Membership current = membership;
        if (current != null) {
            synchronized (current.cluster().lock()) {
                current.cluster().onLeaderChange(listener);
            }
        }
    }

    /** Makes this engine's node the leader of its swarm (it must be a manager); raft would elect it after the old one failed. */
    public void takeLeadership() {
        manager();
        Membership current = membership;
        synchronized (current.cluster().lock()) {
            current.cluster().elect(current.nodeId());
        }
    }

    /** Whether this engine's node leads its swarm. */
    public boolean leader() {
        Membership current = membership;
        if (current == null) {
            return false;
        }
        synchronized (current.cluster().lock()) {
            SwarmNode self = current.cluster().nodes.get(current.nodeId());
            return self != null && self.leader();
        }
    }

    @Override
    public String pingState() {
        Membership current = membership;
        if (current == null) {
            return "inactive";
        }
        synchronized (current.cluster().lock()) {
            SwarmNode self = current.cluster().nodes.get(current.nodeId());
            return self != null && self.manager() ? "active/manager" : "active/worker";
        }
    }

    @Override
    public Map<String, Object> info() {
        Membership current = membership;
        return current == null ? SwarmStatus.inactiveInfo() : infoOf(current);
    }

    private static Map<String, Object> infoOf(Membership member) {
        ClusterState cluster = member.cluster();
        synchronized (cluster.lock()) {
            SwarmNode self = cluster.nodes.get(member.nodeId());
            boolean manager = self != null && self.manager();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("NodeID", member.nodeId());
            doc.put("NodeAddr", self == null ? "" : self.addr());
            doc.put("LocalNodeState", "active");
            doc.put("ControlAvailable", manager);
            doc.put("Error", "");
            List<Map<String, Object>> managers = new ArrayList<>();
            for (SwarmNode node : cluster.nodes.values()) {
                if (node.manager() && node.state().equals("ready")) {
                    managers.add(Map.of("NodeID", node.id(), "Addr", node.managerAddr()));
                }
            }
            doc.put("RemoteManagers", managers);
            if (manager) {
                doc.put("Nodes", cluster.nodes.size());
                doc.put("Managers", managers.size());
                doc.put("Cluster", cluster.info().infoDocument());
            }
            return doc;
        }
    }

    /** Stops the swarm's control loop if this engine leads it; the engine ends its own containers. */
    @Override
    public void close() {
        Membership current = membership;
        if (current != null) {
            synchronized (current.cluster().lock()) {
                SwarmNode self = current.cluster().nodes.get(current.nodeId());
                if (self != null && self.leader()) {
                    current.cluster().stopOrchestrator();
                }
            }
        }
    }
}
