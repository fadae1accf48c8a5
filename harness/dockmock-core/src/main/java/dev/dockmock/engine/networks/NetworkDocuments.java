package dev.dockmock.engine.networks;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of a network, as {@code GET /networks} and {@code GET /networks/{id}} give it (API 1.50). */
public final class NetworkDocuments {

    private NetworkDocuments() {
    }

    /**
     * A network with its attached containers; list entries pass an empty member list, as dockerd
     * fills {@code Containers} only for inspect (API 1.28 and later).
     */
    public static Map<String, Object> document(Network network, List<NetworkMembers.Member> members) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Name", network.name());
        doc.put("Id", network.id());
        doc.put("Created", DateTimeFormatter.ISO_INSTANT.format(network.created()));
        doc.put("Scope", network.scope());
        doc.put("Driver", network.driver());
        doc.put("EnableIPv4", true);
        doc.put("EnableIPv6", network.ipv6());
        doc.put("IPAM", ipam(network));
        doc.put("Internal", network.internal());
        doc.put("Attachable", network.attachable());
        doc.put("Ingress", network.ingress());
        doc.put("ConfigFrom", Map.of("Network", ""));
        doc.put("ConfigOnly", false);
        Map<String, Object> containers = new LinkedHashMap<>();
        for (NetworkMembers.Member member : members) {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("Name", member.name());
            endpoint.put("EndpointID", member.endpointId());
            endpoint.put("MacAddress", member.macAddress());
            endpoint.put("IPv4Address", member.ipv4Address());
            endpoint.put("IPv6Address", "");
            containers.put(member.containerId(), endpoint);
        }
        doc.put("Containers", containers);
        doc.put("Options", network.options());
        doc.put("Labels", network.labels());
        return doc;
    }

    private static Map<String, Object> ipam(Network network) {
        List<Map<String, Object>> config = new ArrayList<>();
        if (!network.subnet().isEmpty()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Subnet", network.subnet());
            if (!network.ipam().ipRange().isEmpty()) {
                entry.put("IPRange", network.ipam().ipRange());
            }
            entry.put("Gateway", network.gateway());
            config.add(entry);
        }
        Map<String, Object> ipam = new LinkedHashMap<>();
        ipam.put("Driver", network.ipam().driver());
        ipam.put("Options", network.ipam().options());
        ipam.put("Config", config.isEmpty() ? null : config);
        return ipam;
    }
}
