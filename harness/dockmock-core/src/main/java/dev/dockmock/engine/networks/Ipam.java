package dev.dockmock.engine.networks;

import java.util.Map;
import java.util.Objects;

/**
 * How a network's addresses are managed, as the {@code IPAM} section of inspect shows it.
 *
 * @param driver the IPAM driver, {@code default}
 * @param options the IPAM driver options; {@code null} when the client sent none, which dockerd shows as {@code null}
 * @param ipRange the block addresses are handed out from, empty for the whole subnet
 * @param userSubnet whether the client chose the subnet; only then may containers ask for a fixed address
 */
public record Ipam(String driver, Map<String, String> options, String ipRange, boolean userSubnet) {

    public Ipam {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(ipRange, "ipRange");
        options = options == null ? null : Map.copyOf(options);
    }

    /** What predefined networks and networks created without an IPAM section have. */
    public static Ipam automatic() {
        return new Ipam("default", null, "", false);
    }
}
