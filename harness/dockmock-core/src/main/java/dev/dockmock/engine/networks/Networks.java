package dev.dockmock.engine.networks;

import dev.dockmock.engine.IdSource;
import dev.dockmock.protocol.DockerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's networks and the addresses handed out on them. Not thread-safe: the engine's lock
 * guards it. Addresses are fake: nothing is configured on the host.
 */
public final class Networks {
    private final Map<String, Network> byId = new LinkedHashMap<>();
    private final Map<String, Integer> nextHost = new HashMap<>();
    private final IdSource ids;
    private int nextSubnet = 18;

    public Networks(IdSource ids, Instant now) {
        this.ids = ids;
        add(new Network(ids.next(), "bridge", "bridge", "local", now, "172.17.0.0/16", "172.17.0.1", false, false, Map.of(),
                Map.of("com.docker.network.bridge.default_bridge", "true", "com.docker.network.bridge.enable_icc", "true",
                        "com.docker.network.bridge.enable_ip_masquerade", "true",
                        "com.docker.network.bridge.host_binding_ipv4", "0.0.0.0",
                        "com.docker.network.bridge.name", "docker0", "com.docker.network.driver.mtu", "1500")));
        add(new Network(ids.next(), "host", "host", "local", now, "", "", false, false, Map.of(), Map.of()));
        add(new Network(ids.next(), "none", "null", "local", now, "", "", false, false, Map.of(), Map.of()));
    }

    public void add(Network network) {
        byId.put(network.id(), network);
    }

    public void remove(String id) {
        byId.remove(id);
        nextHost.remove(id);
    }

    public List<Network> all() {
        return new ArrayList<>(byId.values());
    }

    /** By full id, unique id prefix, or name (a name wins over an id prefix, as in dockerd). */
    public Optional<Network> find(String idOrName) {
        Network exact = byId.get(idOrName);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Network network : byId.values()) {
            if (network.name().equals(idOrName)) {
                return Optional.of(network);
            }
        }
        List<Network> prefixed = byId.values().stream().filter(n -> n.id().startsWith(idOrName)).toList();
        return prefixed.size() == 1 && !idOrName.isEmpty() ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    /** @throws DockerException 404 {@code network x not found} */
    public Network get(String idOrName) {
        return find(idOrName).orElseThrow(() -> new DockerException(404, "network " + idOrName + " not found"));
    }

    /** A fresh subnet for a user network: 172.18.0.0/16, 172.19.0.0/16, ... */
    public String[] allocateSubnet() {
        int second = nextSubnet++;
        return new String[] {"172." + second + ".0.0/16", "172." + second + ".0.1"};
    }

    /** The next free address on a network ({@code 172.17.0.2}, ...). */
    public String allocateAddress(Network network) {
        if (network.subnet().isEmpty()) {
            return "";
        }
        int host = nextHost.merge(network.id(), 1, Integer::sum) + 1;
        String base = network.subnet().substring(0, network.subnet().lastIndexOf('.', network.subnet().indexOf('/')));
        String[] octets = base.split("\\.");
        return octets[0] + "." + octets[1] + "." + (host / 254) + "." + (host % 254 + (host % 254 == 0 ? 1 : 0));
    }

    /** A MAC address derived from an IPv4 address, as Docker's bridge driver does. */
    public static String macFor(String ip) {
        if (ip.isEmpty()) {
            return "";
        }
        String[] parts = ip.split("\\.");
        StringBuilder mac = new StringBuilder("02:42");
        for (String part : parts) {
            mac.append(':').append(String.format("%02x", Integer.parseInt(part)));
        }
        return mac.toString();
    }

    public String newId() {
        return ids.next();
    }
}
