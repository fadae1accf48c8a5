package dev.dockmock.engine.networks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code POST /networks/create}, checked in the order dockerd checks. Called with the engine's lock held. */
public final class NetworkCreation {
    private static final Set<String> DRIVERS = Set.of("bridge", "macvlan", "ipvlan");
    private static final String NOT_A_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or "
            + "\"docker swarm join\" to connect this node to swarm and try again.";

    private NetworkCreation() {
    }

    /**
     * Creates the network {@code body} describes on the engine, with a {@code create} event.
     *
     * @param swarm whether the engine manages a swarm, so that overlay networks can be made
     * @throws DockerException with dockerd's status and message when refused
     */
    public static Network create(EngineContext context, JsonNode body, boolean swarm) {
        return create(context, body, swarm, context.networks().newId());
    }

    /** As {@link #create(EngineContext, JsonNode, boolean)}, with the id the swarm gives its networks (swarmkit's). */
    public static Network create(EngineContext context, JsonNode body, boolean swarm, String id) {
        Networks networks = context.networks();
        String name = body.path("Name").asText("");
        if (name.equals("bridge") || name.equals("host") || name.equals("none")) {
            throw new DockerException(403, "operation is not permitted on predefined " + name + " network ");
        }
        String driver = body.path("Driver").asText("");
        driver = driver.isEmpty() ? "bridge" : driver;
        boolean overlay = driver.equals("overlay");
        if (overlay && !swarm) {
            throw new DockerException(403, NOT_A_MANAGER);
        }
        boolean ipv6 = body.path("EnableIPv6").asBoolean(false);
        JsonNode ipv4Config = ipv4Config(body.path("IPAM").path("Config"), ipv6);
        if (name.isBlank()) {
            throw new DockerException(400, "invalid name: name is empty");
        }
        if (networks.all().stream().anyMatch(n -> n.name().equals(name))) {
            throw new DockerException(409, "network with name " + name + " already exists");
        }
        if (driver.equals("host") || driver.equals("null")) {
            throw new DockerException(403, "only one instance of \"" + driver + "\" network is allowed");
        }
        if (!DRIVERS.contains(driver) && !overlay) {
            throw new DockerException(404, "plugin \"" + driver + "\" not found");
        }
        String scope = body.path("Scope").asText("");
        if (scope.equals("swarm") && !swarm) {
            throw new DockerException(403, "cannot create a swarm scoped network when swarm is not active");
        }
        if (body.path("Ingress").asBoolean(false)) {
            throw new DockerException(403, "Ingress network can only be global scope network");
        }
        String ipamDriver = body.path("IPAM").path("Driver").asText("");
        if (!ipamDriver.isEmpty() && !ipamDriver.equals("default")) {
            throw new DockerException(404, "plugin \"" + ipamDriver + "\" not found");
        }
        String subnet;
        String gateway;
        String ipRange = "";
        if (ipv4Config == null) {
            String[] allocated = overlay ? SubnetPools.overlay(networks) : SubnetPools.local(networks);
            subnet = allocated[0];
            gateway = allocated[1];
        } else {
            Cidr block = Cidr.parse(ipv4Config.path("Subnet").asText()).orElseThrow();
            if (networks.overlapping(block).isPresent()) {
                throw new DockerException(403, "invalid pool request: Pool overlaps with other one on this address space");
            }
            subnet = block.toString();
            gateway = ipv4Config.path("Gateway").asText("");
            gateway = gateway.isEmpty() ? Cidr.format(block.first() + 1) : gateway;
            ipRange = ipv4Config.path("IPRange").asText("");
        }
        JsonNode ipamOptions = body.path("IPAM").path("Options");
        Ipam ipam = new Ipam("default", body.path("IPAM").isObject() && ipamOptions.isObject() ? strings(ipamOptions) : null,
                ipRange, ipv4Config != null);
        Network network = new Network(id, name, driver, overlay || scope.equals("swarm") ? "swarm" : "local",
                context.clock().instant(), subnet, gateway,
                body.path("Internal").asBoolean(false), body.path("Attachable").asBoolean(false), strings(body.path("Labels")),
                strings(body.path("Options")), ipam, ipv6);
        networks.add(network);
        NetworkEvents.publish(context.events(), network, "create", Map.of());
        context.changed();
        return network;
    }

    /** Whether {@code body} asks for a swarm-scoped network: the overlay driver or scope {@code swarm}. */
    static boolean swarmScoped(JsonNode body) {
        return body.path("Driver").asText("").equals("overlay") || body.path("Scope").asText("").equals("swarm");
    }

    /**
     * Checks the IPAM configurations as dockerd's {@code ValidateIPAM} does and picks the IPv4 one.
     *
     * @return the first IPv4 configuration, or null when the engine is to choose a subnet
     */
    private static JsonNode ipv4Config(JsonNode configs, boolean ipv6) {
        List<String> problems = new ArrayList<>();
        JsonNode chosen = null;
        for (JsonNode config : configs) {
            String text = config.path("Subnet").asText("");
            if (text.contains(":")) {
                continue;
            }
            Cidr subnet = Cidr.parse(text).orElse(null);
            if (subnet == null) {
                problems.add("invalid subnet " + text + ": invalid CIDR block notation");
                continue;
            }
            if (!subnet.isMasked()) {
                problems.add("invalid subnet " + subnet + ": it should be " + subnet.masked());
            }
            problems.addAll(rangeProblems(config.path("IPRange").asText(""), subnet));
            String gateway = config.path("Gateway").asText("");
            if (!gateway.isEmpty()) {
                if (Cidr.parseAddress(gateway).isEmpty()) {
                    problems.add("invalid gateway " + gateway + ": invalid address");
                } else if (!subnet.contains(Cidr.parseAddress(gateway).getAsInt())) {
                    problems.add("invalid gateway " + gateway + ": parent subnet " + subnet + " doesn't contain this address");
                }
            }
            chosen = chosen == null ? config : chosen;
        }
        if (!problems.isEmpty()) {
            String joined = problems.size() == 1 ? problems.get(0) : "* " + String.join("\n* ", problems);
            throw new DockerException(400, "invalid network config:\n" + joined);
        }
        return chosen;
    }

    private static List<String> rangeProblems(String ipRange, Cidr subnet) {
        if (ipRange.isEmpty()) {
            return List.of();
        }
        Cidr range = Cidr.parse(ipRange).orElse(null);
        if (range == null) {
            return List.of("invalid ip-range " + ipRange + ": invalid CIDR block notation");
        }
        List<String> problems = new ArrayList<>();
        if (range.bits() < subnet.bits()) {
            problems.add("invalid ip-range " + ipRange + ": CIDR block is bigger than its parent subnet " + subnet);
        }
        if (!range.isMasked()) {
            problems.add("invalid ip-range " + range + ": it should be " + range.masked());
        }
        if (!subnet.overlaps(range)) {
            problems.add("invalid ip-range " + ipRange + ": parent subnet " + subnet + " doesn't contain ip-range");
        }
        return problems;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
