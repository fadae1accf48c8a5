package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.system.NoSwarmRoutes;
import dev.dockmock.protocol.DockerException;
import java.util.List;

/**
 * The one swarm an engine may be in at a time: entering one ({@code init}, {@code join}) while in
 * none, leaving it, and the address the engine advertises there. Every change is told to the
 * engine, whose {@code /info} and {@code /_ping} follow it.
 */
final class MembershipSlot {
    private final EngineContext context;
    private final SwarmMembership operations;
    private final String defaultAddr;
    private final ManagerLock lock = new ManagerLock();
    private volatile SwarmDirectory directory = new SwarmDirectory();
    private volatile Membership membership;

    /** @param defaultAddr the address to advertise when a request names none */
    MembershipSlot(EngineContext context, NodeRuntime runtime, String defaultAddr) {
        this.context = context;
        this.operations = new SwarmMembership(context, runtime);
        this.defaultAddr = defaultAddr;
    }

    /** The engine's place in a swarm, or null when it is in none. */
    Membership current() {
        return membership;
    }

    /** Whether this engine's manager is locked, after a restart of an auto-locked swarm's manager. */
    ManagerLock lock() {
        return lock;
    }

    /** The operations behind {@code init}, {@code join}, {@code leave}, {@code fail} and {@code recover}. */
    SwarmMembership operations() {
        return operations;
    }

    void useDirectory(SwarmDirectory shared) {
        this.directory = shared;
    }

    /** {@code POST /swarm/init}: a new swarm with this engine as its only manager; returns the node id. */
    String init(JsonNode request) {
        synchronized (this) {
            if (membership != null) {
                throw new DockerException(503, SwarmMembership.ALREADY_IN_SWARM);
            }
            membership = operations.init(request, address(request), directory);
        }
        notifyEngine();
        return membership.nodeId();
    }

    /** {@code POST /swarm/join}: joins the swarm of a manager found through the directory. */
    void join(JsonNode request) {
        synchronized (this) {
            if (membership != null) {
                throw new DockerException(503, SwarmMembership.ALREADY_IN_SWARM);
            }
            membership = operations.join(request, address(request), directory);
        }
        notifyEngine();
    }

    /** {@code POST /swarm/leave}: a manager, and a locked one, must be forced; this engine's task containers are removed. */
    void leave(boolean force) throws InterruptedException {
        synchronized (this) {
            Membership current = membership;
            if (current == null) {
                throw new DockerException(503, SwarmMembership.NOT_IN_SWARM);
            }
            if (lock.locked() && !force) {
                throw new DockerException(503, ManagerLock.LEAVE_LOCKED);
            }
            operations.leave(current, force, directory);
            lock.clear();
            membership = null;
        }
        notifyEngine();
    }

    /** The daemon stops: the node fails in the swarm, keeping the unlock key it holds if it manages an auto-locked swarm. */
    void stop() {
        Membership current = membership;
        if (current != null) {
            lock.stopped(current.read((cluster, self) -> self != null && self.manager() && cluster.info().autoLock()
                    ? cluster.info().unlockKey() : ""));
            operations.fail(current);
        }
    }

    /** The daemon starts again: locked if it stopped holding a key, otherwise ready in the swarm again. */
    void start() {
        Membership current = membership;
        if (current != null) {
            if (!lock.started()) {
                operations.recover(current);
            }
            notifyEngine();
        }
    }

    /**
     * {@code POST /swarm/unlock}, as dockerd's {@code UnlockSwarm}: a locked manager takes the key
     * it needs, is ready again (a leader is elected if there was none) and whoever follows
     * leadership (a cluster's dispatchers) is told the leader again, since this manager forwards
     * to it now.
     *
     * @throws DockerException 503 outside a swarm or on a worker, 409 on a manager that is not
     *         locked, 400 or 401 for a malformed or wrong key
     */
    void unlock(String key) {
        Membership current = membership;
        if (current == null) {
            throw new DockerException(503, NoSwarmRoutes.NOT_A_MANAGER);
        }
        if (!lock.locked()) {
            if (!current.read((cluster, self) -> self != null && self.manager())) {
                throw new DockerException(503, Swarm.WORKER);
            }
            throw new DockerException(409, ManagerLock.NOT_LOCKED);
        }
        lock.unlock(key);
        operations.recover(current);
        current.update((cluster, self) -> cluster.election().announceLeader());
        notifyEngine();
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
}
