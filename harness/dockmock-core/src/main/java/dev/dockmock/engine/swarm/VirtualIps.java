package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.networks.SharedNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's virtual IPs, as swarmkit's allocator gives them: in {@code vip} mode (the default)
 * one address per network the service is on, {@code ingress} first when it publishes a port
 * through the routing mesh, each from the network's one pool (so no task anywhere gets it); in
 * {@code dnsrr} mode none. They keep their address across updates while the service stays on the
 * network, and go back to the pool with the service.
 */
final class VirtualIps {

    private VirtualIps() {
    }

    /** The service's {@code Endpoint}: its published ports ({@link PublishedPorts}) and its {@code VirtualIPs}. */
    static Map<String, Object> endpoint(ObjectNode spec, ClusterState cluster, String serviceId) {
        Map<String, Object> endpoint = new LinkedHashMap<>(PublishedPorts.endpoint(spec, cluster, serviceId));
        SwarmService current = cluster.services.get(serviceId);
        Map<String, String> before = current == null ? Map.of() : addresses(current);
        Set<String> wanted = new LinkedHashSet<>();
        if (!spec.path("EndpointSpec").path("Mode").asText("vip").equals("dnsrr")) {
            if (needsIngress(spec)) {
                cluster.networks.ingress().ifPresent(n -> wanted.add(n.id()));
            }
            wanted.addAll(targets(spec.path("TaskTemplate")));
        }
        List<Object> vips = new ArrayList<>();
        for (String id : wanted) {
            SharedNetwork network = cluster.networks.get(id).orElse(null);
            String addr = before.get(id);
            if (network == null || (addr == null && network.network().subnet().isEmpty())) {
                continue;
            }
            if (addr == null) {
                addr = network.addresses().allocate(network.network()) + "/" + network.network().prefixLength();
            }
            Map<String, Object> vip = new LinkedHashMap<>();
            vip.put("NetworkID", id);
            vip.put("Addr", addr);
            vips.add(vip);
        }
        before.forEach((id, addr) -> {
            if (!wanted.contains(id)) {
                release(cluster, id, addr);
            }
        });
        if (!vips.isEmpty()) {
            endpoint.put("VirtualIPs", vips);
        }
        return endpoint;
    }

    /** Gives the service's virtual IPs back to their networks' pools: it is gone. */
    static void release(SwarmService service, ClusterState cluster) {
        addresses(service).forEach((id, addr) -> release(cluster, id, addr));
    }

    /** Whether the service publishes a port through the routing mesh, which puts it on {@code ingress}. */
    static boolean needsIngress(JsonNode spec) {
        for (JsonNode port : spec.path("EndpointSpec").path("Ports")) {
            if (!port.path("PublishMode").asText("ingress").equals("host")) {
                return true;
            }
        }
        return false;
    }

    /** The ids of the networks a task template attaches its tasks to. */
    static Set<String> targets(JsonNode taskTemplate) {
        Set<String> ids = new LinkedHashSet<>();
        taskTemplate.path("Networks").forEach(n -> ids.add(n.path("Target").asText("")));
        return ids;
    }

    private static void release(ClusterState cluster, String networkId, String addr) {
        int slash = addr.indexOf('/');
        cluster.networks.get(networkId).ifPresent(n -> n.addresses().release(slash < 0 ? addr : addr.substring(0, slash)));
    }

    private static Map<String, String> addresses(SwarmService service) {
        Map<String, String> addresses = new LinkedHashMap<>();
        if (service.endpoint().get("VirtualIPs") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> vip) {
                    addresses.put(String.valueOf(vip.get("NetworkID")), String.valueOf(vip.get("Addr")));
                }
            }
        }
        return addresses;
    }
}
