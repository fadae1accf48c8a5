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
import java.util.Set;

/**
 * The engine's networks and the addresses handed out on them. Not thread-safe: the engine's lock
 * guards it. Addresses are fake: nothing is configured on the host.
 */
public final class Networks {
    private final Map<String, Network> byId = new LinkedHashMap<>();
    private final Map<String, AddressBook> books = new HashMap<>();
    /** Swarm networks here only while a container uses them. */
    private final Set<String> lazy = new HashSet<>();
    private SwarmNetworkSource swarm = SwarmNetworkSource.NONE;
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

    /** Adds a network with a book of addresses of its own. */
    public void add(Network network) {
        add(new SharedNetwork(network, new AddressBook()));
    }

    /** Adds a swarm's network, whose addresses every engine of the swarm takes from the same book. */
    public void add(SharedNetwork shared) {
        modifications++;
        byId.put(shared.id(), shared.network());
        books.put(shared.id(), shared.addresses());
    }

    /** The network with its book of addresses, if this engine has it. */
    public Optional<SharedNetwork> shared(String id) {
        Network network = byId.get(id);
        return network == null ? Optional.empty() : Optional.of(new SharedNetwork(network, books.get(id)));
    }

    public void remove(String id) {
        modifications++;
        byId.remove(id);
        books.remove(id);
        lazy.remove(id);
    }

    /** The swarm this engine is in, whose networks its containers may join ({@link SwarmNetworkSource#NONE} in none). */
    public void useSwarm(SwarmNetworkSource source) {
        this.swarm = source;
    }

    /** A network of the engine's swarm, whether or not the engine has it yet. */
    public Optional<SharedNetwork> swarmNetwork(String idOrName) {
        return swarm.find(idOrName);
    }

    /** Adds a swarm network for as long as a container uses it, unless the engine has it already. */
    public void addWhileUsed(SharedNetwork shared) {
        if (!byId.containsKey(shared.id())) {
            add(shared);
            lazy.add(shared.id());
        }
    }

    /** Keeps a network added by {@link #addWhileUsed} for good (a worker promoted to manager has every swarm network). */
    public void keep(String id) {
        lazy.remove(id);
    }

    /** The ids of the networks here only while a container uses them. */
    public Set<String> whileUsed() {
        return Set.copyOf(lazy);
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

    /** A network whose subnet overlaps {@code block}, if any. */
    public Optional<Network> overlapping(Cidr block) {
        return byId.values().stream()
                .filter(n -> Cidr.parse(n.subnet()).map(s -> s.overlaps(block)).orElse(false))
                .findFirst();
    }

    /** The next free address on a network, as its {@link AddressBook} hands them out; empty for networks without a subnet. */
    public String allocateAddress(Network network) {
        return book(network.id()).allocate(network);
    }

    /**
     * Takes a fixed address a client asked for.
     *
     * @return false when it is already in use
     */
    public boolean reserve(Network network, String address) {
        return book(network.id()).reserve(address);
    }

    /** Gives an address back when a container leaves a network. */
    public void release(String networkId, String address) {
        AddressBook book = books.get(networkId);
        if (book != null) {
            book.release(address);
        }
    }

    private AddressBook book(String networkId) {
        return books.computeIfAbsent(networkId, id -> new AddressBook());
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
