package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.protocol.DockerException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an engine enters and leaves a swarm: {@code init} (a new swarm, this engine its leader),
 * {@code join} (a swarm found through the {@link SwarmDirectory}, as a worker or a manager as the
 * token says) and {@code leave}.
 */
final class SwarmMembership {
    static final String ALREADY_IN_SWARM = "This node is already part of a swarm. Use \"docker swarm leave\" to leave this "
            + "swarm and join another one.";
    static final String NOT_IN_SWARM = "This node is not part of a swarm";
    static final String LAST_MANAGER = "You are attempting to leave the swarm on a node that is participating as a manager. "
            + "Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ";

    private final EngineContext context;
    private final NodeRuntime runtime;
    private final SwarmIds ids;

    SwarmMembership(EngineContext context, NodeRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
        this.ids = new SwarmIds(context.ids());
    }

    /** A new swarm with this engine as its only manager and leader. */
    Membership init(JsonNode request, String addr, SwarmDirectory directory) {
        ClusterState cluster = new ClusterState(context.lock(), context.clock(), ids, new SwarmEvents(context.events()),
                SwarmTiming.of(context.timing()), 0);
        synchronized (cluster.lock()) {
            Instant now = context.clock().instant();
            ObjectNode spec = ClusterInfo.specWithDefaults(request.path("Spec"));
            boolean autoLock = request.path("AutoLockManagers").asBoolean(false);
            ((ObjectNode) spec.get("EncryptionConfig")).put("AutoLockManagers", autoLock);
            List<String> pools = new ArrayList<>();
            request.path("DefaultAddrPool").forEach(p -> pools.add(p.asText()));
            TrustRoot root = RootCertificate.generate(ids.seed(), now);
            String ca = SwarmIds.caDigest(root.pem());
            cluster.info(new ClusterInfo(ids.next(), Meta.created(cluster.nextIndex(), now), spec, ca, ids.joinToken(ca),
                    ids.joinToken(ca), autoLock ? ids.unlockKey() : "", pools.isEmpty() ? List.of("10.0.0.0/8") : pools,
                    request.path("SubnetSize").asInt(0) > 0 ? request.path("SubnetSize").asInt() : 24,
                    request.path("DataPathPort").asInt(0) > 0 ? request.path("DataPathPort").asInt() : 4789, root));
            SwarmNode node = addNode(cluster, request, "manager", addr, now, false);
            cluster.election().elect(node.id());
            directory.register(node.managerAddr(), cluster);
            cluster.startOrchestrator();
            return new Membership(cluster, node.id());
        }
    }

    /** Joins the swarm whose manager the request names, in the role its token gives. */
    Membership join(JsonNode request, String addr, SwarmDirectory directory) {
        JsonNode remotes = request.path("RemoteAddrs");
        if (!remotes.isArray() || remotes.isEmpty()) {
            throw new DockerException(400, "at least 1 RemoteAddr is required to join");
        }
        String token = request.path("JoinToken").asText("");
        if (!SwarmIds.wellFormedToken(token)) {
            throw new DockerException(400, "invalid join token");
        }
        ClusterState cluster = null;
        for (JsonNode remote : remotes) {
            cluster = cluster != null ? cluster : directory.find(remote.asText());
        }
        if (cluster == null) {
            throw new DockerException(503, "dockmock: no swarm manager answers at " + remotes.get(0).asText()
                    + ": only engines of one SwarmCluster can join each other's swarm");
        }
        synchronized (cluster.lock()) {
            ClusterInfo info = cluster.info();
            String role = token.equals(info.managerToken()) ? "manager" : token.equals(info.workerToken()) ? "worker" : null;
            if (role == null) {
                throw new DockerException(400, "rpc error: code = InvalidArgument desc = A valid join token is necessary to join "
                        + "this cluster");
            }
            SwarmNode node = addNode(cluster, request, role, addr, context.clock().instant(), true);
            if (node.manager()) {
                directory.register(node.managerAddr(), cluster);
            }
            cluster.lock().notifyAll();
            return new Membership(cluster, node.id());
        }
    }

    /** @param joined whether it joins a swarm (a {@code node create} event), rather than starting one */
    private SwarmNode addNode(ClusterState cluster, JsonNode request, String role, String addr, Instant now, boolean joined) {
        String availability = request.path("Availability").asText("");
        SwarmNode node = new SwarmNode(ids.next(), Meta.created(cluster.nextIndex(), now), "", Map.of(), role,
                availability.isEmpty() ? "active" : availability, context.identity().name(), context.identity().engineVersion(),
                addr, "ready", false);
        cluster.nodes.put(node.id(), node);
        cluster.runtimes.put(node.id(), runtime);
        if (cluster.networks.ingress().isEmpty()) {   // the swarm's first node: its id drawn before the network's
            cluster.networks.add(SwarmNetworks.ingress(ids.next(), now));
        }
        runtime.addNetworks(cluster.networks, cluster.networks.forRole(role));
        if (joined) {
            cluster.events().publish("node", "create", node.id(), node.hostname());
        }
        cluster.events().publish("node", "update", node.id(), node.hostname(), Map.of("state.old", "unknown", "state.new", "ready"));
        return node;
    }

    /**
     * The node stops answering, as the managers see a node whose heartbeats stop: it is marked
     * down, its tasks go elsewhere (its containers are left to it), and if it led, another ready
     * manager is elected.
     */
    void fail(Membership member) {
        ClusterState cluster = member.cluster();
        synchronized (cluster.lock()) {
            SwarmNode self = cluster.nodes.get(member.nodeId());
            cluster.runtimes.remove(member.nodeId());
            cluster.mesh().closeNode(member.nodeId());
            if (self != null && self.state().equals("ready")) {
                cluster.nodes.put(self.id(), self.withState("down", self.meta().updated(cluster.nextIndex(), cluster.now())));
                cluster.events().publish("node", "update", self.id(), self.hostname(), Map.of("state.old", "ready", "state.new", "down"));
                cluster.election().elect(null);
            }
            cluster.lock().notifyAll();
        }
    }

    /**
     * The node answers again after {@link #fail}: it is {@code ready}, runs tasks again, and the
     * managers elect a leader if they had none (a quorum may be back).
     */
    void recover(Membership member) {
        ClusterState cluster = member.cluster();
        synchronized (cluster.lock()) {
            SwarmNode self = cluster.nodes.get(member.nodeId());
            if (self != null && self.state().equals("down")) {
                cluster.runtimes.put(self.id(), runtime);
                cluster.nodes.put(self.id(), self.withState("ready", self.meta().updated(cluster.nextIndex(), cluster.now())));
                cluster.events().publish("node", "update", self.id(), self.hostname(), Map.of("state.old", "down", "state.new", "ready"));
                if (cluster.leader() == null) {
                    cluster.election().elect(null);
                }
            }
            cluster.lock().notifyAll();
        }
    }

    /**
     * Leaves: a manager must be forced. The node is marked down (its tasks go elsewhere), its task
     * containers are removed, and leadership moves to another manager if it led.
     */
    void leave(Membership member, boolean force, SwarmDirectory directory) throws InterruptedException {
        ClusterState cluster = member.cluster();
        synchronized (cluster.lock()) {
            SwarmNode self = cluster.nodes.get(member.nodeId());
            if (self != null && self.manager() && !force) {
                throw new DockerException(503, LAST_MANAGER);
            }
            List<String> containers = new ArrayList<>();
            for (Task task : cluster.tasks.values()) {
                if (task.nodeId().equals(member.nodeId()) && !task.status().containerId().isEmpty()) {
                    containers.add(task.status().containerId());
                    runtime.remove(task.status().containerId());
                }
            }
            cluster.runtimes.remove(member.nodeId());
            cluster.mesh().closeNode(member.nodeId());
            if (self != null) {
                directory.unregister(self.managerAddr());
                SwarmNode down = self.withState("down", self.meta().updated(cluster.nextIndex(), cluster.now()));
                cluster.nodes.put(self.id(), down);
                cluster.events().publish("node", "update", self.id(), self.hostname(), Map.of("state.old", "ready", "state.new", "down"));
                if (self.leader()) {
                    cluster.election().elect(null);
                }
            }
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (containers.stream().anyMatch(id -> runtime.inspect(id).isPresent()) && System.nanoTime() < end) {
                cluster.lock().wait(20);
            }
            runtime.leaveNetworks();
            cluster.lock().notifyAll();
        }
    }
}
