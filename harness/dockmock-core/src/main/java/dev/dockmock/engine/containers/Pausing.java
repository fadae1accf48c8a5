package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.protocol.DockerException;

/** {@code docker pause} and {@code docker unpause}: only the state and the events change; the process is not frozen. */
final class Pausing {
    private final EngineContext context;
    private final Containers containers;
    private final ContainerEvents events;

    Pausing(EngineContext context, Containers containers, ContainerEvents events) {
        this.context = context;
        this.containers = containers;
        this.events = events;
    }

    void pause(String idOrName) {
        synchronized (context.lock()) {
            Container container = containers.get(idOrName);
            if (container.status() == ContainerStatus.PAUSED) {
                throw new DockerException(409, "cannot pause container " + container.id() + ": container " + container.id()
                        + " is already paused");
            }
            if (container.status() != ContainerStatus.RUNNING) {
                throw new DockerException(409, "cannot pause container " + container.id() + ": container " + container.id()
                        + " is not running");
            }
            container.status(ContainerStatus.PAUSED);
            events.publish(container, "pause");
            context.changed();
        }
    }

    void unpause(String idOrName) {
        synchronized (context.lock()) {
            Container container = containers.get(idOrName);
            if (container.status() != ContainerStatus.PAUSED) {
                throw new DockerException(409, "cannot unpause container " + container.id() + ": container " + container.id()
                        + " is not paused");
            }
            container.status(ContainerStatus.RUNNING);
            events.publish(container, "unpause");
            context.changed();
        }
    }
}
