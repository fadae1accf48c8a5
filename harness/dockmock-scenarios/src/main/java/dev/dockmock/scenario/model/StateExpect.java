package dev.dockmock.scenario.model;

import java.util.List;
import java.util.Optional;

/**
 * What the engine should hold, read from the engine itself (not through the journal).
 *
 * @param node in a swarm, the node whose engine is read (the leader when empty)
 * @param containers containers by name, with the state they must be in ({@code absent}: none by that name)
 * @param images image references that must be present
 * @param absentImages image references that must not be present
 * @param networks network names that must exist
 * @param volumes volume names that must exist
 * @param services in a swarm, services by name with how many tasks must be running
 */
public record StateExpect(Optional<String> node, List<ContainerState> containers, List<String> images, List<String> absentImages,
        List<String> networks, List<String> volumes, List<ServiceState> services) {

    public StateExpect {
        containers = List.copyOf(containers);
        images = List.copyOf(images);
        absentImages = List.copyOf(absentImages);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        services = List.copyOf(services);
    }

    /** A container by name and its state ({@code running}, {@code exited}, {@code created}, ..., or {@code absent}); empty: any state. */
    public record ContainerState(String name, Optional<String> state) {
    }

    /** A swarm service by name and how many of its tasks must be running. */
    public record ServiceState(String name, int running) {
    }
}
