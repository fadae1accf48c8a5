package dev.dockmock.engine;

import dev.dockmock.engine.events.EventBus;
import dev.dockmock.engine.images.ImageCatalogue;
import dev.dockmock.engine.images.ImageStore;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.engine.networks.Networks;
import dev.dockmock.engine.process.Program;
import java.time.Clock;

/**
 * What every part of the engine shares: the lock that guards all state (one lock keeps
 * cross-resource rules, such as "an image in use cannot be removed", simple and consistent),
 * the clock, ids, events, timing, images, networks, programs, host ports and the faults to inject.
 *
 * <p>Waiters wait on {@link #lock()}; every state change calls {@link #changed()}.
 */
public record EngineContext(Object lock, DaemonIdentity identity, Clock clock, IdSource ids, EventBus events,
        EngineTiming timing, ImageCatalogue catalogue, ImageStore images, Networks networks, Program programs, HostPorts ports,
        EngineFaults faults) {

    /** Wakes everyone waiting for a state change. Call with the lock held. */
    public void changed() {
        lock.notifyAll();
    }
}
