package dev.dockmock.engine.networks;

import dev.dockmock.protocol.DockerException;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The addresses handed out on one network. A local network has one per engine; a swarm network
 * has one the swarm shares among its nodes' engines, so that no two tasks (or virtual IPs) get
 * the same address anywhere in the swarm. Thread-safe: engines sharing it hold different locks.
 */
public final class AddressBook {
    private final Set<Integer> used = new HashSet<>();
    private Integer cursor;

    /**
     * The next free address on {@code network} ({@code 172.17.0.2}, ...), handed out in turn from
     * its IP range (or subnet) as dockerd's IPAM does; empty for networks without a subnet.
     *
     * @throws DockerException 503 when the pool is exhausted
     */
    public synchronized String allocate(Network network) {
        Cidr pool = pool(network);
        if (pool == null) {
            return "";
        }
        long size = (long) pool.last() - pool.first() + 1;
        int start = cursor == null ? pool.first() : cursor;
        for (long step = 1; step <= size; step++) {
            int candidate = (int) (pool.first() + Math.floorMod((long) start - pool.first() + step, size));
            if (usable(network, candidate) && used.add(candidate)) {
                cursor = candidate;
                return Cidr.format(candidate);
            }
        }
        throw new DockerException(503, "no available addresses on this pool");
    }

    /** Takes a fixed address; false when it is already in use (or is no address). */
    public synchronized boolean reserve(String address) {
        OptionalInt parsed = Cidr.parseAddress(address);
        return parsed.isPresent() && used.add(parsed.getAsInt());
    }

    /** Gives an address back. */
    public synchronized void release(String address) {
        OptionalInt parsed = Cidr.parseAddress(address);
        if (parsed.isPresent()) {
            used.remove(parsed.getAsInt());
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
}
