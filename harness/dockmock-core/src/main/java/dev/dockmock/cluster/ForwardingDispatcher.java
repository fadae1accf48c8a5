package dev.dockmock.cluster;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import java.util.Objects;
import java.util.Set;

/**
 * The dispatcher of a manager that does not lead: calls about the swarm's state ({@code /nodes},
 * {@code /services}, {@code /tasks}, {@code /secrets}, {@code /configs}, {@code GET /swarm},
 * {@code /swarm/update}, {@code /swarm/unlockkey}) go to the leader, as swarmkit forwards them over
 * raft; everything about this node itself ({@code /_ping}, {@code /info}, its containers, images,
 * networks, volumes, {@code swarm join/leave}) is answered by its own engine. Classic Swarm's
 * replicas forwarded everything, because its manager was the only API; in swarm mode every node is
 * an engine of its own, so {@code docker ps} against a manager must list that manager's containers.
 */
public final class ForwardingDispatcher implements Dispatcher {
    private static final Set<String> CLUSTER_RESOURCES = Set.of("nodes", "services", "tasks", "secrets", "configs");
    private static final Set<String> CLUSTER_SWARM_PATHS = Set.of("/swarm", "/swarm/update", "/swarm/unlockkey");

    private final Dispatcher local;
    private final Dispatcher leader;

    /**
     * @param local this node's own engine
     * @param leader the leader's engine, which answers for the swarm
     */
    public ForwardingDispatcher(Dispatcher local, Dispatcher leader) {
        this.local = Objects.requireNonNull(local, "local");
        this.leader = Objects.requireNonNull(leader, "leader");
    }

    /** Whether {@code request} is about the swarm's state, which the leader answers. */
    public static boolean forwarded(ApiRequest request) {
        String path = request.path();
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path.substring(1) : path.substring(1, end);
        return CLUSTER_RESOURCES.contains(first) || CLUSTER_SWARM_PATHS.contains(path);
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        return forwarded(request) ? leader.dispatch(request) : local.dispatch(request);
    }

    /** The dispatcher requests about the swarm go to. */
    public Dispatcher leader() {
        return leader;
    }
}
