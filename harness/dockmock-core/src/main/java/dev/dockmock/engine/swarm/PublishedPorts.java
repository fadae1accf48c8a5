package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's published ports as swarmkit handles them: the conflicts its control API refuses,
 * the {@code Endpoint.Ports} its allocator fills in (an {@code ingress} port asked for as 0 gets
 * one from 30000-32767, kept across updates), and the ports the routing mesh serves.
 */
final class PublishedPorts {
    static final int DYNAMIC_FIRST = 30000;
    static final int DYNAMIC_LAST = 32767;
    private static final String INVALID = "rpc error: code = InvalidArgument desc = ";

    /**
     * One published port.
     *
     * @param published the port on the nodes, 0 when none is set
     * @param target the port in the task's container
     * @param protocol {@code tcp}, {@code udp} or {@code sctp}
     * @param host whether {@code PublishMode} is {@code host} rather than {@code ingress}
     */
    record Published(int published, int target, String protocol, boolean host) {
        static Published of(JsonNode port) {
            return new Published(port.path("PublishedPort").asInt(0), port.path("TargetPort").asInt(0),
                    port.path("Protocol").asText("tcp"), port.path("PublishMode").asText("ingress").equals("host"));
        }

        static Published of(Map<?, ?> entry) {
            return new Published(number(entry.get("PublishedPort")), number(entry.get("TargetPort")), String.valueOf(entry.get("Protocol")),
                    "host".equals(entry.get("PublishMode")));
        }

        private static int number(Object value) {
            return value instanceof Number n ? n.intValue() : 0;
        }

        String key() {
            return protocol + "/" + published;
        }
    }

    private PublishedPorts() {
    }

    /** The ports of the service's {@code Endpoint} the mesh listens on: tcp, with a port set (udp and sctp are reported, not served). */
    static List<Published> served(SwarmService service) {
        return endpointPorts(service).stream().filter(p -> p.published() > 0 && p.protocol().equals("tcp")).toList();
    }

    private static List<Published> endpointPorts(SwarmService service) {
        List<Published> ports = new ArrayList<>();
        if (service.endpoint().get("Ports") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map) {
                    ports.add(Published.of(map));
                }
            }
        }
        return ports;
    }

    private static List<Published> specPorts(JsonNode spec) {
        List<Published> ports = new ArrayList<>();
        spec.path("EndpointSpec").path("Ports").forEach(port -> ports.add(Published.of(port)));
        return ports;
    }

    /**
     * Refuses a spec publishing a port another service publishes, as swarmkit does: an ingress
     * port may be nobody else's, a host port nobody else's ingress port (host ports may be shared,
     * the scheduler keeps them apart).
     *
     * @param serviceId the service being updated, which is not checked against itself; null on create
     * @throws DockerException 400 with swarmkit's message
     */
    static void checkConflicts(ClusterState cluster, JsonNode spec, String serviceId) {
        Set<String> ingress = new HashSet<>();
        Set<String> host = new HashSet<>();
        for (Published port : specPorts(spec)) {
            if (port.published() != 0) {
                (port.host() ? host : ingress).add(port.key());
            }
        }
        if (ingress.isEmpty() && host.isEmpty()) {
            return;
        }
        for (SwarmService other : cluster.services.values()) {
            if (other.id().equals(serviceId)) {
                continue;
            }
            List<Published> used = new ArrayList<>(specPorts(other.spec()));
            used.addAll(endpointPorts(other));
            for (Published port : used) {
                if (port.published() == 0) {
                    continue;
                }
                boolean conflict = port.host() ? ingress.contains(port.key()) : ingress.contains(port.key()) || host.contains(port.key());
                if (conflict) {
                    throw new DockerException(400, INVALID + "port '" + port.published() + "' is already in use by service '" + other.name()
                            + "' (" + other.id() + ") as " + (port.host() ? "a host-published port" : "an ingress port"));
                }
            }
        }
    }

    /**
     * The {@code Endpoint} of service {@code serviceId} with {@code spec}: its published ports, an
     * ingress port asked for as 0 given the one it had before for the same target, or else the
     * first port from 30000 that no service uses and that is free on the host.
     */
    static Map<String, Object> endpoint(ObjectNode spec, ClusterState cluster, String serviceId) {
        List<Published> wanted = specPorts(spec);
        if (wanted.isEmpty()) {
            return SwarmService.endpointWithoutPorts();
        }
        SwarmService current = cluster.services.get(serviceId);
        List<Published> before = current == null ? List.of() : endpointPorts(current);
        Set<Integer> taken = new HashSet<>();
        for (SwarmService other : cluster.services.values()) {
            if (!other.id().equals(serviceId)) {
                endpointPorts(other).forEach(p -> taken.add(p.published()));
            }
        }
        wanted.forEach(p -> taken.add(p.published()));
        List<Object> assigned = new ArrayList<>();
        for (Published port : wanted) {
            int published = port.published();
            if (published == 0 && !port.host()) {
                published = before.stream().filter(p -> p.target() == port.target() && p.protocol().equals(port.protocol()) && !p.host()
                        && p.published() >= DYNAMIC_FIRST && p.published() <= DYNAMIC_LAST && !taken.contains(p.published()))
                        .mapToInt(Published::published).findFirst().orElseGet(() -> allocate(cluster, taken));
                taken.add(published);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Protocol", port.protocol());
            entry.put("TargetPort", port.target());
            entry.put("PublishedPort", published);
            entry.put("PublishMode", port.host() ? "host" : "ingress");
            assigned.add(entry);
        }
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("Spec", spec.path("EndpointSpec"));
        endpoint.put("Ports", assigned);
        return endpoint;
    }

    private static int allocate(ClusterState cluster, Set<Integer> taken) {
        SwarmNode leader = cluster.leader();
        NodeRuntime runtime = leader == null ? null : cluster.runtimes.get(leader.id());
        for (int port = DYNAMIC_FIRST; port <= DYNAMIC_LAST; port++) {
            if (!taken.contains(port) && (runtime == null || runtime.portFree(port))) {
                return port;
            }
        }
        throw new DockerException(400, INVALID + "no port is free in the dynamic range " + DYNAMIC_FIRST + "-" + DYNAMIC_LAST);
    }
}
