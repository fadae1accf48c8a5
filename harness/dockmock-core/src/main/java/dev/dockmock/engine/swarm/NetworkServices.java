package dev.dockmock.engine.swarm;

import dev.dockmock.engine.networks.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /networks/{id}?verbose=true} adds for a swarm network, as libnetwork's gossip
 * tables would give it: {@code Services}, the running containers on the network on every node,
 * grouped by service (plain containers on an attachable network under the empty name) with the
 * service's virtual IP, and {@code Peers}, the nodes those containers run on.
 */
final class NetworkServices {
    private static final String NO_VIP = "<nil>";

    private NetworkServices() {
    }

    /** {@code Services} and {@code Peers} of {@code network}. Called with the swarm's lock held. */
    static Map<String, Object> of(ClusterState cluster, Network network) {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        List<Map<String, Object>> peers = new ArrayList<>();
        for (SwarmNode node : cluster.nodes.values()) {
            NodeRuntime runtime = cluster.runtimes.get(node.id());
            List<NodeRuntime.AttachedContainer> attached = runtime == null ? List.of() : runtime.attached(network.id());
            if (attached.isEmpty()) {
                continue;
            }
            peers.add(peer(node));
            for (NodeRuntime.AttachedContainer container : attached) {
                Map<String, Object> service = services.computeIfAbsent(container.serviceName(),
                        name -> service(cluster, network, name, services.size()));
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("Name", container.name());
                task.put("EndpointID", container.endpointId());
                task.put("EndpointIP", container.ip());
                task.put("Info", Map.of("Host IP", node.addr()));
                @SuppressWarnings("unchecked")
                List<Object> tasks = (List<Object>) service.get("Tasks");
                tasks.add(task);
            }
        }
        Map<String, Object> verbose = new LinkedHashMap<>();
        if (!peers.isEmpty()) {   // both are omitted when empty, as dockerd's omitempty does
            verbose.put("Peers", peers);
            verbose.put("Services", services);
        }
        return verbose;
    }

    private static Map<String, Object> peer(SwarmNode node) {
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("Name", node.hostname());
        peer.put("IP", node.addr());
        return peer;
    }

    /** A service's entry; libnetwork numbers its load balancers from 256, plain containers have none (0). */
    private static Map<String, Object> service(ClusterState cluster, Network network, String name, int position) {
        SwarmService service = cluster.services.values().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("VIP", service == null ? NO_VIP : vip(service, network.id()));
        entry.put("Ports", ports(service, network));
        entry.put("LocalLBIndex", service == null ? 0 : 257 + position);
        entry.put("Tasks", new ArrayList<>());
        return entry;
    }

    private static String vip(SwarmService service, String networkId) {
        if (service.endpoint().get("VirtualIPs") instanceof List<?> vips) {
            for (Object vip : vips) {
                if (vip instanceof Map<?, ?> map && networkId.equals(map.get("NetworkID"))) {
                    String addr = String.valueOf(map.get("Addr"));
                    return addr.contains("/") ? addr.substring(0, addr.indexOf('/')) : addr;
                }
            }
        }
        return NO_VIP;
    }

    /** The published ports, gossiped on the ingress network only. */
    private static List<String> ports(SwarmService service, Network network) {
        List<String> ports = new ArrayList<>();
        if (service != null && network.ingress() && service.endpoint().get("Ports") instanceof List<?> list) {
            for (Object port : list) {
                if (port instanceof Map<?, ?> map && "ingress".equals(map.get("PublishMode"))) {
                    ports.add("Target: " + map.get("TargetPort") + ", Publish: " + map.get("PublishedPort"));
                }
            }
        }
        return ports;
    }
}
