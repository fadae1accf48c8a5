package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.engine.networks.SharedNetwork;
import dev.dockmock.engine.networks.SwarmNetworkSource;
import dev.dockmock.engine.process.OutputLog;
import dev.dockmock.engine.process.PortAnswer;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What a node's engine does for the tasks the swarm gives it: fetch images, create, start, stop
 * and remove containers, and say how they are. The orchestrator calls it with the cluster's lock
 * held; implementations take their own engine's lock, never the cluster's.
 */
public interface NodeRuntime {

    /**
     * Makes {@code image} present on the node, fetching it from the registry if needed.
     *
     * @throws dev.dockmock.protocol.DockerException when the registry has no such image
     */
    void fetchImage(String image);

    /**
     * Creates a container as {@code POST /containers/create?name=} with {@code body} would, after
     * making the swarm networks it joins present on the node (dockerd makes them on a worker
     * when a task needs them, and drops them when no container uses them any more).
     *
     * @param networks the swarm's networks the container joins
     * @return its id
     * @throws dev.dockmock.protocol.DockerException when the engine refuses it
     */
    String create(String name, ObjectNode body, List<SharedNetwork> networks);

    /**
     * Puts files into a created container as the daemon mounts a task's secrets and configs: part
     * of the container's filesystem from the start, so not among its changes. A node whose
     * containers have no files ignores them.
     */
    default void mount(String containerId, List<MountedFile> files) {
    }

    /**
     * Starts a created container.
     *
     * @throws dev.dockmock.protocol.DockerException when it cannot start
     */
    void start(String containerId);

    /** How the container is, or empty when it is gone. */
    Optional<ContainerView> inspect(String containerId);

    /** Stops the container in the background, waiting {@code graceSeconds} (scaled) before killing it. */
    void stop(String containerId, int graceSeconds);

    /** Removes the container in the background, killing it first if it runs. */
    void remove(String containerId);

    /** A swarm-scoped network of the node's engine by id or name, or empty when it has none such. */
    Optional<NetworkRef> network(String idOrName);

    /**
     * Lets the node's containers join the swarm's networks ({@code swarm}), and makes
     * {@code stay} present on its engine for good (on {@code swarm init}, {@code join},
     * promotion, and on every manager when a manager creates one).
     */
    void addNetworks(SwarmNetworkSource swarm, List<SharedNetwork> stay);

    /** Removes one of the swarm's networks from the node's engine, if it has it: it was removed from the swarm. */
    void forgetNetwork(String networkId);

    /** Removes every swarm-scoped network from the node's engine: it left the swarm. */
    void leaveNetworks();

    /**
     * Opens {@code port} on this node's loopback {@code address} for the routing mesh, each
     * connection answered as {@code route} picks. A node without sockets (the default: simulated
     * nodes) opens nothing.
     *
     * @throws IOException when the port is taken there, or the node's engine has closed
     */
    default HostPorts.OpenPort listen(String address, int port, HostPorts.Route route) throws IOException {
        return HostPorts.none().openRouted(address, port, route);
    }

    /** Whether {@code port} is free on this node's host now, for picking a published port; true without sockets. */
    default boolean portFree(int port) {
        return true;
    }

    /** What a connection to a port of the container gets while it runs; empty when it does not run or cannot answer. */
    default Optional<PortAnswer> portAnswer(String containerId) {
        return Optional.empty();
    }

    /** Closes every port {@link #listen} opened, and opens none from now on: the node's engine closes. */
    default void closeListeners() {
    }

    /** The running containers attached to a network of the node's engine, as its network's verbose inspect lists them. */
    default List<AttachedContainer> attached(String networkId) {
        return List.of();
    }

    /**
     * A running container's endpoint on a network.
     *
     * @param name the container's name, without slash
     * @param endpointId its endpoint's id
     * @param ip its address there, without prefix length
     * @param serviceName the service whose task it runs ({@code com.docker.swarm.service.name}), empty for a plain container
     */
    record AttachedContainer(String name, String endpointId, String ip, String serviceName) {
    }

    /** The container's output, or empty when it is gone. */
    Optional<OutputLog> log(String containerId);

    /**
     * A network as a task's spec names it.
     *
     * @param id its id, as a service spec stores it
     * @param name its name, as the task's container is attached to it
     * @param swarmScoped whether services may use it (overlay networks)
     */
    record NetworkRef(String id, String name, boolean swarmScoped) {
    }

    /**
     * A file the daemon mounts into a task's container.
     *
     * @param path where, absolute
     * @param content its data
     * @param mode its permission bits
     * @param uid its owner
     * @param gid its group
     */
    record MountedFile(String path, byte[] content, int mode, int uid, int gid) {
    }

    /**
     * A container as the swarm sees it.
     *
     * @param up whether its process runs (or is paused or restarting)
     * @param exitCode its exit code once it has exited
     * @param pid its process id while it runs
     * @param error why it failed to start, empty otherwise
     * @param exits how many times it has exited
     */
    record ContainerView(boolean up, int exitCode, int pid, String error, int exits) {
    }
}
