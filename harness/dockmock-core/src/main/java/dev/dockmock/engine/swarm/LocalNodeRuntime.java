package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.containers.Lifecycle;
import dev.dockmock.engine.files.ContainerFiles;
import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileSystems;
import dev.dockmock.engine.networks.SharedNetwork;
import dev.dockmock.engine.networks.SwarmNetworkSource;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.engine.process.OutputLog;
import dev.dockmock.engine.process.PortAnswer;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A node's runtime backed by an engine in this process: containers are created through the
 * engine's own routes (so they get its events, networks and checks), started and stopped through
 * its {@link Lifecycle}, and images come from its registry catalogue.
 */
public final class LocalNodeRuntime implements NodeRuntime {
    private final EngineContext context;
    private final Containers containers;
    private final Lifecycle lifecycle;
    private final FileSystems files;
    private final Dispatcher routes;
    private final NodeListeners listeners;
    private final EngineSwarmNetworks swarmNetworks;

    /**
     * @param files the engine's container files, for the secrets and configs a task mounts
     * @param routes the engine's unversioned route table, for creating containers
     */
    public LocalNodeRuntime(EngineContext context, Containers containers, Lifecycle lifecycle, FileSystems files, Dispatcher routes) {
        this.context = context;
        this.containers = containers;
        this.lifecycle = lifecycle;
        this.files = files;
        this.routes = routes;
        this.listeners = new NodeListeners(context.ports());
        this.swarmNetworks = new EngineSwarmNetworks(context, containers);
    }

    @Override
    public void fetchImage(String image) {
        TaskImages.fetch(context, image);
    }

    @Override
    public String create(String name, ObjectNode body, List<SharedNetwork> networks) {
        ApiRequest request = ApiRequest.of("POST", "/containers/create?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                Headers.of("Content-Type", "application/json"), Json.bytes(body), ClientInfo.inMemory());
        ApiResponse response;
        // one hold of the engine's lock, so that a network made present here is not dropped as idle before the container joins it
        synchronized (context.lock()) {
            swarmNetworks.addForTask(networks);
            response = routes.dispatch(request);
        }
        JsonNode answer = response.body() instanceof ResponseBody.Bytes bytes ? Json.parse(bytes.data()) : null;
        if (response.status() != 201 || answer == null) {
            throw new DockerException(response.status(), answer == null ? "container create failed" : answer.path("message").asText());
        }
        return answer.path("Id").asText();
    }

    @Override
    public void mount(String containerId, List<MountedFile> mounted) {
        synchronized (context.lock()) {
            Container container = containers.find(containerId).orElse(null);
            if (container == null) {
                return;
            }
            ContainerFiles tree = files.of(container);
            for (MountedFile file : mounted) {
                tree.mount(file.path(), FileNode.file(file.content(), file.mode(), container.created()).withOwner(file.uid(), file.gid()),
                        container.created());
            }
        }
    }

    @Override
    public void start(String containerId) {
        lifecycle.start(containerId);
    }

    @Override
    public Optional<ContainerView> inspect(String containerId) {
        synchronized (context.lock()) {
            return containers.find(containerId).map(c -> new ContainerView(c.status().isUp(), c.exitCode(), c.pid(), c.error(),
                    c.exits()));
        }
    }

    @Override
    public void stop(String containerId, int graceSeconds) {
        background("stop", () -> lifecycle.stop(containerId, graceSeconds, null));
    }

    @Override
    public void remove(String containerId) {
        background("remove", () -> lifecycle.remove(containerId, true));
    }

    @Override
    public Optional<NetworkRef> network(String idOrName) {
        synchronized (context.lock()) {
            return context.networks().find(idOrName).map(n -> new NetworkRef(n.id(), n.name(), n.scope().equals("swarm")));
        }
    }

    @Override
    public void addNetworks(SwarmNetworkSource swarm, List<SharedNetwork> stay) {
        swarmNetworks.join(swarm, stay);
    }

    @Override
    public void forgetNetwork(String networkId) {
        swarmNetworks.forget(networkId);
    }

    @Override
    public void leaveNetworks() {
        swarmNetworks.leave();
    }

    @Override
    public List<AttachedContainer> attached(String networkId) {
        return swarmNetworks.attached(networkId);
    }

    @Override
    public Optional<OutputLog> log(String containerId) {
        synchronized (context.lock()) {
            return containers.find(containerId).map(Container::log);
        }
    }

    @Override
    public HostPorts.OpenPort listen(String address, int port, HostPorts.Route route) throws IOException {
        return listeners.listen(address, port, route);
    }

    @Override
    public boolean portFree(int port) {
        return context.ports().free(port);
    }

    @Override
    public Optional<PortAnswer> portAnswer(String containerId) {
        return lifecycle.portAnswer(containerId);
    }

    @Override
    public void closeListeners() {
        listeners.closeAll();
    }

    private interface Work {
        void run() throws InterruptedException;
    }

    /** Stops and removals wait out grace periods: never on the orchestrator's thread, which holds the lock. */
    private static void background(String what, Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (DockerException e) {
                // already gone or already stopped: what the swarm wanted anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dockmock-swarm-" + what);
        thread.setDaemon(true);
        thread.start();
    }
}
