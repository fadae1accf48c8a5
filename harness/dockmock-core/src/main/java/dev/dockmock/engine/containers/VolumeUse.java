package dev.dockmock.engine.containers;

import java.util.List;

/**
 * What the containers tell the volumes about their lives, so that named volumes are created on
 * first use, mount and unmount events are published, and anonymous volumes go with their
 * container. Every method is called with the engine's lock held; the default does nothing.
 */
public interface VolumeUse {

    /** Uses no volumes at all: an engine without a volume store. */
    VolumeUse NONE = new VolumeUse() {
    };

    /**
     * Refuses mounts dockerd refuses, before the container exists.
     *
     * @throws dev.dockmock.protocol.DockerException 400 for a volume name the local driver refuses
     */
    default void check(List<VolumeMount> mounts) {
    }

    /**
     * Refuses bind mounts dockerd refuses at create (a {@code --mount type=bind} source that is missing).
     *
     * @throws dev.dockmock.protocol.DockerException 400 with dockerd's message
     */
    default void checkBinds(com.fasterxml.jackson.databind.JsonNode hostConfig) {
    }

    /** A container was created: the volumes it mounts that do not exist yet are created. */
    default void created(Container container) {
    }

    /** A container started: its volumes are mounted. */
    default void started(Container container) {
    }

    /** A container's process ended: its volumes are unmounted. */
    default void stopped(Container container) {
    }

    /**
     * A container was removed (it is no longer in the store).
     *
     * @param removeAnonymous whether its anonymous volumes go too ({@code rm -v}, auto-remove)
     */
    default void removed(Container container, boolean removeAnonymous) {
    }

    /** This, then {@code next}, for every call: e.g. the volume store first, then the volumes' files. */
    default VolumeUse andThen(VolumeUse next) {
        VolumeUse first = this;
        return new VolumeUse() {
            @Override
            public void check(List<VolumeMount> mounts) {
                first.check(mounts);
                next.check(mounts);
            }

            @Override
            public void checkBinds(com.fasterxml.jackson.databind.JsonNode hostConfig) {
                first.checkBinds(hostConfig);
                next.checkBinds(hostConfig);
            }

            @Override
            public void created(Container container) {
                first.created(container);
                next.created(container);
            }

            @Override
            public void started(Container container) {
                first.started(container);
                next.started(container);
            }

            @Override
            public void stopped(Container container) {
                first.stopped(container);
                next.stopped(container);
            }

            @Override
            public void removed(Container container, boolean removeAnonymous) {
                first.removed(container, removeAnonymous);
                next.removed(container, removeAnonymous);
            }
        };
    }
}
