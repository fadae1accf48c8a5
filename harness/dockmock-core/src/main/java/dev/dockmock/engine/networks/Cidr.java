package dev.dockmock.engine.networks;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An IPv4 block in CIDR form ({@code 172.18.0.0/16}) as 32-bit arithmetic. Only IPv4: the fake
 * hands out no IPv6 addresses.
 *
 * @param base the first address, possibly with host bits set when parsed from a client's text
 * @param bits the prefix length, 0 to 32
 */
public record Cidr(int base, int bits) {

    public Cidr {
        if (bits < 0 || bits > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + bits);
        }
    }

    /** Parses {@code a.b.c.d/n}; empty when it is not IPv4 CIDR notation. */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        OptionalInt address = parseAddress(text.substring(0, slash));
        String length = text.substring(slash + 1);
        if (address.isEmpty() || !length.matches("\\d{1,2}") || Integer.parseInt(length) > 32) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address.getAsInt(), Integer.parseInt(length)));
    }

    /** Parses a dotted-quad IPv4 address. */
    public static OptionalInt parseAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return OptionalInt.empty();
        }
        int value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255 || (part.length() > 1 && part.startsWith("0"))) {
                return OptionalInt.empty();
            }
            value = (value << 8) | Integer.parseInt(part);
        }
        return OptionalInt.of(value);
    }

    public static String format(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    private int mask() {
        return bits == 0 ? 0 : -1 << (32 - bits);
    }

    /** The block with its host bits cleared. */
    public Cidr masked() {
        return new Cidr(base & mask(), bits);
    }

    public boolean isMasked() {
        return (base & mask()) == base;
    }

    public boolean contains(int address) {
        return (address & mask()) == (base & mask());
    }

    public boolean overlaps(Cidr other) {
        int shorter = Math.min(bits, other.bits);
        int common = shorter == 0 ? 0 : -1 << (32 - shorter);
        return (base & common) == (other.base & common);
    }

    /** The first address of the block. */
    public int first() {
        return base & mask();
    }

    /** The last address of the block (the broadcast address of a subnet). */
    public int last() {
        return first() | ~mask();
    }

    @Override
    public String toString() {
        return format(base) + "/" + bits;
    }
}
