package dev.dockmock.engine.networks;

import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.List;

/** Where a network made without a subnet of its own gets one, as dockerd's default address pools give them. */
final class SubnetPools {

    private SubnetPools() {
    }

    /**
     * A fresh subnet for a local network, from dockerd's default pools (172.18.0.0/16 to
     * 172.31.0.0/16, then 192.168.0.0/20, 192.168.16.0/20, ...), skipping any that overlaps an
     * existing network.
     *
     * @return the subnet and its gateway
     * @throws DockerException 400 when every pool is taken
     */
    static String[] local(Networks networks) {
        for (Cidr candidate : localPools()) {
            if (networks.overlapping(candidate).isEmpty()) {
                return withGateway(candidate);
            }
        }
        throw exhausted();
    }

    /**
     * A subnet for an overlay network from the swarm's default pool, 10.0.0.0/8 in /24s
     * (10.0.0.0/24 is the ingress network's). A manager has every network of the swarm, so
     * checking its own networks checks the swarm's.
     */
    static String[] overlay(Networks networks) {
        for (int second = 0; second < 256; second++) {
            for (int third = second == 0 ? 1 : 0; third < 256; third++) {
                Cidr candidate = Cidr.parse("10." + second + "." + third + ".0/24").orElseThrow();
                if (networks.overlapping(candidate).isEmpty()) {
                    return withGateway(candidate);
                }
            }
        }
        throw exhausted();
    }

    private static List<Cidr> localPools() {
        List<Cidr> pools = new ArrayList<>();
        for (int second = 18; second <= 31; second++) {
            pools.add(Cidr.parse("172." + second + ".0.0/16").orElseThrow());
        }
        for (int third = 0; third < 256; third += 16) {
            pools.add(Cidr.parse("192.168." + third + ".0/20").orElseThrow());
        }
        return pools;
    }

    private static String[] withGateway(Cidr subnet) {
        return new String[] {subnet.toString(), Cidr.format(subnet.first() + 1)};
    }

    private static DockerException exhausted() {
        return new DockerException(400, "all predefined address pools have been fully subnetted");
    }
}
