package dev.dockmock.engine.volumes;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.containers.VolumeMount;
import dev.dockmock.engine.containers.VolumeUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The volumes' side of containers' lives: creates the volumes a new container names, publishes
 * {@code mount}/{@code unmount} events, removes anonymous volumes with their container, and says
 * who uses a volume. A container uses its volumes from creation to removal, running or not, as
 * dockerd counts references. Callers hold the engine's lock.
 */
public final class VolumeMounting implements VolumeUse {
    private final EngineContext context;
    private final Volumes volumes;
    private final Containers containers;

    public VolumeMounting(EngineContext context, Volumes volumes, Containers containers) {
        this.context = context;
        this.volumes = volumes;
        this.containers = containers;
    }

    /** The ids of the containers that mount the volume, in creation order. */
    public List<String> users(String volumeName) {
        List<String> users = new ArrayList<>();
        for (Container container : containers.all()) {
            if (container.volumeMounts().stream().anyMatch(m -> m.name().equals(volumeName))) {
                users.add(container.id());
            }
        }
        return users;
    }

    @Override
    public void check(List<VolumeMount> mounts) {
        for (VolumeMount mount : mounts) {
            if (!mount.anonymous() && volumes.find(mount.name()).isEmpty()) {
                Volumes.check(mount.name(), null);
            }
        }
    }

    @Override
    public void created(Container container) {
        for (VolumeMount mount : container.volumeMounts()) {
            Map<String, String> labels = mount.labels();
            if (mount.anonymous()) {
                labels = new LinkedHashMap<>(labels == null ? Map.of() : labels);
                labels.put(Volume.ANONYMOUS_LABEL, "");
            }
            volumes.create(mount.name(), "", null, labels);
        }
    }

    @Override
    public void started(Container container) {
        for (VolumeMount mount : container.volumeMounts()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("container", container.id());
            attributes.put("destination", mount.destination());
            attributes.put("driver", driver(mount));
            attributes.put("propagation", "");
            attributes.put("read/write", String.valueOf(mount.readWrite()));
            context.events().publish("volume", "mount", mount.name(), attributes);
        }
    }

    @Override
    public void stopped(Container container) {
        for (VolumeMount mount : container.volumeMounts()) {
            context.events().publish("volume", "unmount", mount.name(), Map.of("container", container.id(), "driver", driver(mount)));
        }
    }

    @Override
    public void removed(Container container, boolean removeAnonymous) {
        if (!removeAnonymous) {
            return;
        }
        for (VolumeMount mount : container.volumeMounts()) {
            if (mount.anonymous() && users(mount.name()).isEmpty()) {
                volumes.find(mount.name()).ifPresent(volumes::remove);
            }
        }
    }

    private String driver(VolumeMount mount) {
        return volumes.find(mount.name()).map(Volume::driver).orElse("local");
    }
}
