package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.SwarmStatus;
import dev.dockmock.engine.system.NoSwarmRoutes;
import dev.dockmock.protocol.DockerException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Swarm mode of one engine: whether it is in a swarm and as what, the swarm API it serves, and
 * what {@code /_ping} and {@code /info} say about it. Before {@code swarm init} every swarm call
 * answers dockerd's 503; after it this engine is the single manager (and leader) of a new swarm
 * whose orchestrator runs its tasks as containers of this engine.
 */
public final class Swarm implements SwarmStatus, AutoCloseable {
    /** dockerd's answer on a worker to calls that need a manager. */
    public static final String WORKER = "This node is not a swarm manager. Worker nodes can't be used to view or modify "
            + "cluster state. Please run this command on a manager node or promote the current node to a manager.";
    static final String ALREADY_IN_SWARM = "This node is already part of a swarm. Use \"docker swarm leave\" to leave this "
            + "swarm and join another one.";
    static final String NOT_IN_SWARM = "This node is not part of a swarm";
    static final String LAST_MANAGER = "You are attempting to leave the swarm on a node that is participating as a manager. "
            + "Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ";

    private final EngineContext context;
    private final NodeRuntime runtime;
    private final SwarmTiming timing;
    private final SwarmIds ids;
    private final String defaultAddr;
    private volatile Membership membership;

    /**
     * This engine's place in a swarm.
     *
     * @param cluster the swarm's state
     * @param nodeId this engine's node
     * @param orchestrator the control loop, when this engine runs it
     */
    record Membership(ClusterState cluster, String nodeId, Orchestrator orchestrator) {
    }

    /**
     * @param runtime how this engine runs the swarm's tasks
     * @param defaultAddr the address this node advertises when {@code swarm init} names none
     */
    public Swarm(EngineContext context, NodeRuntime runtime, String defaultAddr) {
        this.context = context;
        this.runtime = runtime;
        this.timing = SwarmTiming.of(context.timing());
        this.ids = new SwarmIds(context.ids());
        this.defaultAddr = defaultAddr;
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
        }
        return current.cluster();
    }

    Membership membership() {
        return membership;
    }

    /** {@code POST /swarm/init}: a new swarm with this engine as its only manager; returns the node id. */
    String init(JsonNode request) {
        synchronized (context.lock()) {
            if (membership != null) {
                throw new DockerException(503, ALREADY_IN_SWARM);
            }
            ClusterState cluster = new ClusterState(context.lock(), context.clock(), ids, new SwarmEvents(context.events()),
                    timing, 0);
            Instant now = context.clock().instant();
            ObjectNode spec = ClusterInfo.specWithDefaults(request.path("Spec"));
            boolean autoLock = request.path("AutoLockManagers").asBoolean(false);
            ((ObjectNode) spec.get("EncryptionConfig")).put("AutoLockManagers", autoLock);
            List<String> pools = new ArrayList<>();
            request.path("DefaultAddrPool").forEach(p -> pools.add(p.asText()));
            String ca = ids.caDigest();
            cluster.info(new ClusterInfo(ids.next(), Meta.created(cluster.nextIndex(), now), spec, ca, ids.joinToken(ca),
                    ids.joinToken(ca), autoLock ? ids.unlockKey() : "", pools.isEmpty() ? List.of("10.0.0.0/8") : pools,
                    request.path("SubnetSize").asInt(0) > 0 ? request.path("SubnetSize").asInt() : 24,
                    request.path("DataPathPort").asInt(0) > 0 ? request.path("DataPathPort").asInt() : 4789, TrustRoot.shipped()));
            String availability = request.path("Availability").asText("");
            SwarmNode node = new SwarmNode(ids.next(), Meta.created(cluster.nextIndex(), now), "", Map.of(), "manager",
                    availability.isEmpty() ? "active" : availability, context.identity().name(),
                    context.identity().engineVersion(), address(request), "ready", true);
            cluster.nodes.put(node.id(), node);
            cluster.runtimes.put(node.id(), runtime);
            cluster.events().publish("node", "update", node.id(), node.hostname(), Map.of("state.old", "unknown", "state.new", "ready"));
            Orchestrator orchestrator = new Orchestrator(cluster);
            membership = new Membership(cluster, node.id(), orchestrator);
            orchestrator.start();
            context.changed();
            return node.id();
        }
    }

    /** The address to advertise: {@code AdvertiseAddr}, else a specific {@code ListenAddr}, else the default; ports dropped. */
    private String address(JsonNode request) {
        for (String field : List.of("AdvertiseAddr", "ListenAddr")) {
            String host = host(request.path(field).asText(""));
            if (!host.isEmpty() && !host.equals("0.0.0.0") && !host.equals("::") && host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return host;
            }
        }
        return defaultAddr;
    }

    private static String host(String addr) {
        if (addr.startsWith("[")) {
            int end = addr.indexOf(']');
            return end < 0 ? addr : addr.substring(1, end);
        }
        int colon = addr.lastIndexOf(':');
        return colon >= 0 && addr.indexOf(':') == colon ? addr.substring(0, colon) : addr;
    }

    /** {@code POST /swarm/join}: a lone engine has no swarm in reach to join. */
    void join(JsonNode request) {
        if (membership != null) {
            throw new DockerException(503, ALREADY_IN_SWARM);
        }
        if (!request.path("RemoteAddrs").isArray() || request.path("RemoteAddrs").isEmpty()) {
            throw new DockerException(400, "at least 1 RemoteAddr is required to join");
        }
        if (!SwarmIds.wellFormedToken(request.path("JoinToken").asText(""))) {
            throw new DockerException(400, "invalid join token");
        }
        throw new DockerException(503, "dockmock: no swarm manager answers at " + request.path("RemoteAddrs").get(0).asText()
                + ": a single dockmock engine can only start a swarm of its own (docker swarm init)");
    }

    /** {@code POST /swarm/leave}: a manager must be forced; this engine's task containers are removed. */
    void leave(boolean force) throws InterruptedException {
        synchronized (context.lock()) {
            Membership current = membership;
            if (current == null) {
                throw new DockerException(503, NOT_IN_SWARM);
            }
            ClusterState cluster = current.cluster();
            SwarmNode self = cluster.nodes.get(current.nodeId());
            if (self != null && self.manager() && !force) {
                throw new DockerException(503, LAST_MANAGER);
            }
            if (current.orchestrator() != null) {
                current.orchestrator().stop();
            }
            List<String> containers = new ArrayList<>();
            for (Task task : cluster.tasks.values()) {
                if (task.nodeId().equals(current.nodeId()) && !task.status().containerId().isEmpty()) {
                    containers.add(task.status().containerId());
                    runtime.remove(task.status().containerId());
                }
            }
            membership = null;
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (containers.stream().anyMatch(id -> runtime.inspect(id).isPresent()) && System.nanoTime() < end) {
                context.lock().wait(20);
            }
            context.changed();
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
        if (current == null) {
            return SwarmStatus.inactiveInfo();
        }
        ClusterState cluster = current.cluster();
        synchronized (cluster.lock()) {
            SwarmNode self = cluster.nodes.get(current.nodeId());
            boolean manager = self != null && self.manager();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("NodeID", current.nodeId());
            doc.put("NodeAddr", self == null ? "" : self.addr());
            doc.put("LocalNodeState", "active");
            doc.put("ControlAvailable", manager);
            doc.put("Error", "");
            List<Map<String, Object>> managers = new ArrayList<>();
            for (SwarmNode node : cluster.nodes.values()) {
                if (node.manager()) {
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

    /** Stops the orchestrator; the engine's containers are ended by the engine itself. */
    @Override
    public void close() {
        Membership current = membership;
        if (current != null && current.orchestrator() != null) {
            synchronized (current.cluster().lock()) {
                current.orchestrator().stop();
            }
        }
    }
}
