package dev.dockmock.engine.networks;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A network: the predefined {@code bridge}, {@code host} and {@code none}, or a user network with
 * a fake IPAM subnet.
 *
 * @param id 64 hex digits
 * @param name its unique name
 * @param driver {@code bridge}, {@code host}, {@code null}, {@code overlay}
 * @param scope {@code local} or {@code swarm}
 * @param created when it was created
 * @param subnet IPv4 subnet in CIDR form, empty for host and none
 * @param gateway the gateway address, empty for host and none
 * @param internal whether it has no outside access
 * @param attachable whether standalone containers may join (overlay)
 * @param labels labels
 * @param options driver options
 * @param ipam how its addresses are managed
 * @param ipv6 whether the client asked for IPv6 ({@code EnableIPv6}); no IPv6 address is handed out
 */
public record Network(String id, String name, String driver, String scope, Instant created, String subnet, String gateway,
        boolean internal, boolean attachable, Map<String, String> labels, Map<String, String> options, Ipam ipam,
        boolean ipv6) {

    public Network {
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
        Objects.requireNonNull(ipam, "ipam");
    }

    /** A network with automatic IPAM and no IPv6, as the predefined ones are. */
    public Network(String id, String name, String driver, String scope, Instant created, String subnet, String gateway,
            boolean internal, boolean attachable, Map<String, String> labels, Map<String, String> options) {
        this(id, name, driver, scope, created, subnet, gateway, internal, attachable, labels, options, Ipam.automatic(), false);
    }

    /** Whether this is one of the networks every daemon has, which cannot be removed. */
    public boolean predefined() {
        return name.equals("bridge") || name.equals("host") || name.equals("none");
    }

    /** Whether this is a swarm's routing-mesh network: {@code ingress}, which only a swarm makes (creating one is refused). */
    public boolean ingress() {
        return name.equals("ingress") && driver.equals("overlay") && scope.equals("swarm");
    }

    public int prefixLength() {
        int slash = subnet.indexOf('/');
        return slash < 0 ? 0 : Integer.parseInt(subnet.substring(slash + 1));
    }
}
