package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.networks.AddressBook;
import dev.dockmock.engine.networks.Network;
import dev.dockmock.engine.networks.SharedNetwork;
import dev.dockmock.engine.networks.SwarmNetworkSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The swarm's networks, as swarmkit's store keeps them: {@code ingress} and every overlay network
 * made on a manager, each one network (one id, one book of addresses) however many engines have
 * it. Managers have them all; a worker has {@code ingress} and, while one of its tasks uses it,
 * any other (dockerd creates a swarm network on a worker lazily). Guarded by the swarm's lock.
 */
final class SwarmNetworks implements SwarmNetworkSource {
    static final String INGRESS = "ingress";
    /** Replaced, never changed: engines read it without the swarm's lock ({@link SwarmNetworkSource}). */
    private volatile Map<String, SharedNetwork> byId = Map.of();

    /** The {@code ingress} network every node of a swarm has: 10.0.0.0/24, the routing mesh's. */
    static SharedNetwork ingress(String id, Instant now) {
        return new SharedNetwork(new Network(id, INGRESS, "overlay", "swarm", now, "10.0.0.0/24", "10.0.0.1", false, false, Map.of(),
                Map.of("com.docker.network.driver.overlay.vxlanid_list", "4096")), new AddressBook());
    }

    void add(SharedNetwork network) {
        Map<String, SharedNetwork> next = new LinkedHashMap<>(byId);
        next.put(network.id(), network);
        byId = Collections.unmodifiableMap(next);
    }

    void remove(String id) {
        Map<String, SharedNetwork> next = new LinkedHashMap<>(byId);
        next.remove(id);
        byId = Collections.unmodifiableMap(next);
    }

    Optional<SharedNetwork> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** By full id, name or unique id prefix, as a service spec or a container may name it. */
    @Override
    public Optional<SharedNetwork> find(String idOrName) {
        Map<String, SharedNetwork> byId = this.byId;
        SharedNetwork exact = byId.get(idOrName);
        if (exact != null) {
            return Optional.of(exact);
        }
        Optional<SharedNetwork> named = byId.values().stream().filter(n -> n.network().name().equals(idOrName)).findFirst();
        if (named.isPresent() || idOrName.isEmpty()) {
            return named;
        }
        List<SharedNetwork> prefixed = byId.values().stream().filter(n -> n.id().startsWith(idOrName)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    /** The networks a node of {@code role} has from the start: all of them on a manager, {@code ingress} on a worker. */
    List<SharedNetwork> forRole(String role) {
        return byId.values().stream().filter(n -> role.equals("manager") || n.network().name().equals(INGRESS)).toList();
    }

    /** A network of the swarm by id, as a task's container is attached to it. */
    Optional<NodeRuntime.NetworkRef> ref(String id) {
        return get(id).map(n -> new NodeRuntime.NetworkRef(n.id(), n.network().name(), true));
    }

    /** The swarm networks a task's spec attaches it to, in the spec's order. */
    List<SharedNetwork> of(JsonNode taskSpec) {
        List<SharedNetwork> networks = new ArrayList<>();
        for (JsonNode attachment : taskSpec.path("Networks")) {
            get(attachment.path("Target").asText("")).ifPresent(networks::add);
        }
        return networks;
    }

    /** The {@code ingress} network, if the swarm still has it. */
    Optional<SharedNetwork> ingress() {
        return byId.values().stream().filter(n -> n.network().name().equals(INGRESS)).findFirst();
    }
}
