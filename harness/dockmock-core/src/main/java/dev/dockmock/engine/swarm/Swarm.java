package dev.dockmock.engine.swarm;

import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.SwarmStatus;
import dev.dockmock.engine.networks.ClusterNetworks;
import dev.dockmock.engine.system.NoSwarmRoutes;
import dev.dockmock.protocol.DockerException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
    /** dockerd's answer (swarmkit's) on a manager with no leader to reach: too few managers up, or this one cut off. */
    public static final String NO_LEADER = "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible "
            + "that too few managers are online. Make sure more than half of the managers are online.";
    static final String ALREADY_IN_SWARM = SwarmMembership.ALREADY_IN_SWARM;
    static final String LAST_MANAGER = SwarmMembership.LAST_MANAGER;

    private final EngineContext context;
    private final MembershipSlot slot;
    private final NodeRuntime runtime;

    /**
     * @param runtime how this engine runs the swarm's tasks
     * @param defaultAddr the address this node advertises when {@code swarm init} or {@code join} names none
     */
    public Swarm(EngineContext context, NodeRuntime runtime, String defaultAddr) {
        this.context = context;
        this.slot = new MembershipSlot(context, runtime, defaultAddr);
        this.runtime = runtime;
    }

    /** Lets this engine find, and be found by, the engines sharing {@code shared} when joining a swarm. */
    public void useDirectory(SwarmDirectory shared) {
        slot.useDirectory(shared);
    }

    /** The swarm API: {@code /swarm}, {@code /nodes}, {@code /services}, {@code /tasks}, {@code /secrets}, {@code /configs}. */
    public List<Route> routes() {
        return Stream.of(new SwarmRoutes(this, slot).routes(), new NodeRoutes(this).routes(), new ServiceRoutes(this).routes(),
                new TaskRoutes(this).routes(), new SecretRoutes(this, StoredObject.Kind.SECRET).routes(),
                new SecretRoutes(this, StoredObject.Kind.CONFIG).routes()).flatMap(List::stream).toList();
    }

    /**
     * The swarm's state, for a call that needs a manager.
     *
     * @throws DockerException 503 with dockerd's advice when this engine is in no swarm or is a worker
     */
    ClusterState manager() {
        Membership current = joined();
        if (slot.lock().locked()) {
            throw new DockerException(503, ManagerLock.LOCKED);
        }
        return current.asManager();
    }

    /** This engine's place in a swarm, or null when it is in none. */
    Membership membership() {
        return slot.current();
    }

    /** This engine's node id, empty when it is in no swarm. */
    public String nodeId() {
        Membership current = slot.current();
        return current == null ? "" : current.nodeId();
    }

    /**
     * Makes this engine's node fail as far as the swarm is concerned (a node that dies): the others
     * see it down, place its tasks elsewhere and elect another leader if it led; its engine keeps what it runs.
     */
    public void fail() {
        ifJoined(slot.operations()::fail);
    }

    /** Brings this engine's node back after {@link #fail()}: {@code ready}, taking tasks, a leader elected if none. */
    public void recover() {
        ifJoined(slot.operations()::recover);
    }

    /**
     * This engine's daemon stops (half a restart): its node is down as after {@link #fail()}; a
     * manager of an auto-locked swarm keeps the unlock key it will need after {@link #start()}.
     */
    public void stop() {
        slot.stop();
    }

    /**
     * This engine's daemon starts again after {@link #stop()}: a manager that held an unlock key is
     * locked (down for the others, dockerd's 503 to swarm calls) until {@code docker swarm unlock};
     * any other node is ready again, as after {@link #recover()}.
     */
    public void start() {
        slot.start();
    }

    /** Whether this engine's manager is locked, waiting for {@code docker swarm unlock}. */
    public boolean locked() {
        return slot.current() != null && slot.lock().locked();
    }

    /** Whether this engine's node is up as far as its swarm knows ({@code ready}, not {@code down}). */
    public boolean ready() {
        return read(false, (cluster, self) -> self != null && self.state().equals("ready"));
    }

    /** This engine's node's availability ({@code active}, {@code pause}, {@code drain}); empty in no swarm. */
    public String availability() {
        return read("", (cluster, self) -> self == null ? "" : self.availability());
    }

    /** The network API's way into the swarm's networks (overlay networks are the swarm's, not this engine's). */
    public ClusterNetworks networks() {
        return new OverlayNetworks(this, context);
    }

    /** The simulated nodes this engine's swarm may have (see docs/swarm.md, "Scale"). */
    public SwarmSimulation simulated() {
        return new SwarmSimulation(this, context);
    }

    /** Leadership of this engine's swarm as the harness steers it: elections, their timeout, who is told. */
    public SwarmLeadership leadership() {
        return new SwarmLeadership(this);
    }

    /** Whether this engine's node leads its swarm. */
    public boolean leader() {
        return read(false, (cluster, self) -> self != null && self.leader());
    }

    @Override
    public String pingState() {
        if (locked()) {
            return "locked";
        }
        return read("inactive", (cluster, self) -> self != null && self.manager() ? "active/manager" : "active/worker");
    }

    @Override
    public Map<String, Object> info() {
        Membership current = slot.current();
        if (current == null) {
            return SwarmStatus.inactiveInfo();
        }
        return slot.lock().locked() ? SwarmInfoDocument.locked(current) : SwarmInfoDocument.of(current);
    }

    /** Stops the swarm's control loop if this engine leads, closes the mesh's ports on its node; the engine ends its containers. */
    @Override
    public void close() {
        ifJoined(member -> member.update((cluster, self) -> {
            if (self != null && self.leader()) {
                cluster.stopOrchestrator();
            }
            cluster.mesh().closeNode(member.nodeId());
        }));
        runtime.closeListeners();
    }

    /** What {@code reader} makes of the swarm and this engine's node under the swarm's lock; {@code none} in no swarm. */
    <T> T read(T none, BiFunction<ClusterState, SwarmNode, T> reader) {
        Membership current = slot.current();
        return current == null ? none : current.read(reader);
    }

    void ifJoined(Consumer<Membership> action) {
        Membership current = slot.current();
        if (current != null) {
            action.accept(current);
        }
    }

    /** @throws DockerException 503 with dockerd's advice when this engine is in no swarm */
    Membership joined() {
        Membership current = slot.current();
        if (current == null) {
            throw new DockerException(503, NoSwarmRoutes.NOT_A_MANAGER);
        }
        return current;
    }
}
