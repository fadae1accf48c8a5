package dev.dockmock.engine.networks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a client asks for when it connects a container to a network ({@code EndpointConfig}).
 *
 * @param aliases network-scoped aliases
 * @param ipv4Address a fixed IPv4 address ({@code IPAMConfig.IPv4Address}), empty for any
 * @param ipv6Address a fixed IPv6 address, empty for any
 */
public record EndpointRequest(List<String> aliases, String ipv4Address, String ipv6Address) {

    public EndpointRequest {
        aliases = List.copyOf(aliases);
    }

    public static EndpointRequest none() {
        return new EndpointRequest(List.of(), "", "");
    }

    /** Reads an {@code EndpointConfig} object; a missing or null one asks for nothing. */
    public static EndpointRequest from(JsonNode config) {
        List<String> aliases = new ArrayList<>();
        config.path("Aliases").forEach(a -> aliases.add(a.asText()));
        JsonNode ipam = config.path("IPAMConfig");
        return new EndpointRequest(aliases, ipam.path("IPv4Address").asText(""), ipam.path("IPv6Address").asText(""));
    }

    /**
     * What dockerd's endpoint validation says about this request on {@code network}, as the
     * message of a 400; empty when it is acceptable.
     */
    public Optional<String> problem(Network network) {
        List<String> problems = new ArrayList<>();
        if (network.predefined()) {
            if (!ipv4Address.isEmpty() || !ipv6Address.isEmpty()) {
                problems.add("user specified IP address is supported on user defined networks only");
            }
            if (!aliases.isEmpty()) {
                problems.add("network-scoped alias is supported only for containers in user defined networks");
            }
        }
        if (!ipv4Address.isEmpty() && Cidr.parseAddress(ipv4Address).isEmpty()) {
            problems.add("invalid IPv4 address: " + ipv4Address);
        } else if (!ipv4Address.isEmpty() && !network.predefined()) {
            Cidr subnet = Cidr.parse(network.subnet()).orElse(null);
            if (!network.ipam().userSubnet() || subnet == null) {
                problems.add("user specified IP address is supported only when connecting to networks with user configured subnets");
            } else if (!subnet.contains(Cidr.parseAddress(ipv4Address).getAsInt())) {
                problems.add("no configured subnet or ip-range contain the IP address " + ipv4Address);
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String joined = problems.size() == 1 ? problems.get(0) : "* " + String.join("\n* ", problems);
        return Optional.of("invalid endpoint settings:\n" + joined);
    }
}
