package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.RunningProcess;
import dev.dockmock.engine.process.Signals;
import dev.dockmock.protocol.DockerException;
import java.time.Duration;
import java.util.Map;

/** {@code docker rm}: a running container is killed first with {@code force}; then everything it held is released. */
final class Removal {
    private final EngineContext context;
    private final Containers containers;
    private final ContainerEvents events;
    private final ProcessTable table;

    Removal(EngineContext context, Containers containers, ContainerEvents events, ProcessTable table) {
        this.context = context;
        this.containers = containers;
        this.events = events;
        this.table = table;
    }

    /**
     * Removes a container ({@code docker rm}), and its anonymous volumes with {@code removeVolumes} ({@code rm -v}).
     *
     * @throws DockerException 409 when it runs and {@code force} is off
     */
    void remove(String idOrName, boolean force, boolean removeVolumes) throws InterruptedException {
        Container container;
        synchronized (context.lock()) {
            container = containers.get(idOrName);
            if (container.status().isUp() && !force) {
                String state = container.status() == ContainerStatus.PAUSED ? "paused" : "running";
                throw new DockerException(409, "cannot remove container \"/" + container.name() + "\": container is " + state
                        + ": stop the container before removing or force remove");
            }
            if (container.status().isUp()) {
                container.markStoppedByUser();
                events.publish(container, "kill", Map.of("signal", String.valueOf(Signals.SIGKILL)));
                RunningProcess process = table.processes.get(container.id());
                if (process != null) {
                    process.terminate(137);
                }
            }
        }
        table.awaitDown(container, Duration.ofSeconds(30));
        synchronized (context.lock()) {
            if (containers.find(container.id()).isPresent()) {
                removeNow(container, removeVolumes);
                context.changed();
            }
        }
    }

    /** Removes a container that is down, at once: networks, name, volumes, logs, then the {@code destroy} event. */
    void removeNow(Container container, boolean removeVolumes) {
        container.status(ContainerStatus.REMOVING);
        NetworkAttachments.disconnectAll(context, container);
        containers.forget(container);
        NetworkAttachments.dropUnusedSwarmNetworks(context, containers);
        containers.volumeUse().removed(container, removeVolumes);
        container.log().retire();
        events.publish(container, "destroy");
        container.markRemoved();
    }
}
