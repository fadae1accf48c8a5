package dev.dockmock.engine.networks;

import dev.dockmock.engine.IdSource;
import dev.dockmock.protocol.DockerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The engine's networks and the addresses handed out on them. Not thread-safe: the engine's lock
 * guards it. Addresses are fake: nothing is configured on the host.
 */
public final class Networks {
    private final Map<String, Network> byId = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> used = new HashMap<>();
    private final Map<String, Integer> cursor = new HashMap<>();
    private final IdSource ids;

    /**
     * The default bridge network's subnet. It lies in the loopback range, unlike dockerd's
     * 172.17.0.0/16, so that its gateway is an address where this host really answers: clients
     * that reach "the docker host" through the bridge gateway (Testcontainers inside a container
     * does) find the published ports there.
     */
    public static final String BRIDGE_SUBNET = "127.17.0.0/16";
    /** The default bridge network's gateway; published ports also answer on it. */
    public static final String BRIDGE_GATEWAY = "127.17.0.1";

    // Bumped by add and remove, so answers cached from the networks can tell they are stale.
    private volatile long modifications;

    public Networks(IdSource ids, Instant now) {
        this.ids = ids;
        add(new Network(ids.next(), "bridge", "bridge", "local", now, BRIDGE_SUBNET, BRIDGE_GATEWAY, false, false, Map.of(),
                Map.of("com.docker.network.bridge.default_bridge", "true", "com.docker.network.bridge.enable_icc", "true",
                        "com.docker.network.bridge.enable_ip_masquerade", "true",
                        "com.docker.network.bridge.host_binding_ipv4", "0.0.0.0",
                        "com.docker.network.bridge.name", "docker0", "com.docker.network.driver.mtu", "1500")));
        add(new Network(ids.next(), "host", "host", "local", now, "", "", false, false, Map.of(), Map.of()));
        add(new Network(ids.next(), "none", "null", "local", now, "", "", false, false, Map.of(), Map.of()));
    }

    /** How many networks were added or removed so far; readable without the engine's lock. */
    public long modifications() {
        return modifications;
    }

    public void add(Network network) {
        modifications++;
        byId.put(network.id(), network);
    }

    public void remove(String id) {
        modifications++;
        byId.remove(id);
        used.remove(id);
        cursor.remove(id);
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

    /**
     * A fresh subnet for a user network, from dockerd's default pools (172.18.0.0/16 to
     * 172.31.0.0/16, then 192.168.0.0/20, 192.168.16.0/20, ...), skipping any that overlaps an
     * existing network.
     *
     * @return the subnet and its gateway
     * @throws DockerException 400 when every pool is taken
     */
    public String[] allocateSubnet() {
        for (Cidr candidate : defaultPools()) {
            if (overlapping(candidate).isEmpty()) {
                return new String[] {candidate.toString(), Cidr.format(candidate.first() + 1)};
            }
        }
        throw new DockerException(400, "all predefined address pools have been fully subnetted");
    }

    private static List<Cidr> defaultPools() {
        List<Cidr> pools = new ArrayList<>();
        for (int second = 18; second <= 31; second++) {
            pools.add(Cidr.parse("172." + second + ".0.0/16").orElseThrow());
        }
        for (int third = 0; third < 256; third += 16) {
            pools.add(Cidr.parse("192.168." + third + ".0/20").orElseThrow());
        }
        return pools;
    }

    /** A network whose subnet overlaps {@code block}, if any. */
    public Optional<Network> overlapping(Cidr block) {
        return byId.values().stream()
                .filter(n -> Cidr.parse(n.subnet()).map(s -> s.overlaps(block)).orElse(false))
                .findFirst();
    }

    /**
     * The next free address on a network ({@code 172.17.0.2}, ...), handed out in turn from its
     * IP range (or subnet) as dockerd's IPAM does; empty for networks without a subnet.
     */
    public String allocateAddress(Network network) {
        Cidr pool = pool(network);
        if (pool == null) {
            return "";
        }
        Set<Integer> taken = used.computeIfAbsent(network.id(), k -> new HashSet<>());
        long size = (long) pool.last() - pool.first() + 1;
        int start = cursor.getOrDefault(network.id(), pool.first());
        for (long step = 1; step <= size; step++) {
            int candidate = (int) (pool.first() + Math.floorMod((long) start - pool.first() + step, size));
            if (usable(network, candidate) && taken.add(candidate)) {
                cursor.put(network.id(), candidate);
                return Cidr.format(candidate);
            }
        }
        throw new DockerException(503, "no available addresses on this pool");
    }

    /**
     * Takes a fixed address a client asked for.
     *
     * @return false when it is already in use
     */
    public boolean reserve(Network network, String address) {
        OptionalInt parsed = Cidr.parseAddress(address);
        return parsed.isPresent() && used.computeIfAbsent(network.id(), k -> new HashSet<>()).add(parsed.getAsInt());
    }

    /** Gives an address back when a container leaves a network. */
    public void release(String networkId, String address) {
        OptionalInt parsed = Cidr.parseAddress(address);
        Set<Integer> taken = used.get(networkId);
        if (parsed.isPresent() && taken != null) {
            taken.remove(parsed.getAsInt());
        }
    }

    private static Cidr pool(Network network) {
        Cidr subnet = Cidr.parse(network.subnet()).orElse(null);
        if (subnet == null) {
            return null;
        }
        return Cidr.parse(network.ipam().ipRange()).orElse(subnet);
    }

    private static boolean usable(Network network, int address) {
        Cidr subnet = Cidr.parse(network.subnet()).orElseThrow();
        boolean edge = subnet.bits() < 31 && (address == subnet.first() || address == subnet.last());
        return !edge && !Cidr.format(address).equals(network.gateway());
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
