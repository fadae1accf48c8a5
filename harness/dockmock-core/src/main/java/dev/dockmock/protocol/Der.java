package dev.dockmock.protocol;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The DER encodings (ITU-T X.690) an X.509 certificate needs: the JDK parses certificates but has
 * no public API to write one. Used for the swarm's root CA and the JUnit extension's throw-away
 * TLS certificates.
 */
public final class Der {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Der() {
    }

    public static byte[] sequence(byte[]... parts) {
        return tagged(0x30, concat(parts));
    }

    public static byte[] set(byte[]... parts) {
        return tagged(0x31, concat(parts));
    }

    public static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    public static byte[] bool(boolean value) {
        return tagged(0x01, new byte[] {(byte) (value ? 0xff : 0)});
    }

    public static byte[] octets(byte[] value) {
        return tagged(0x04, value);
    }

    /** A BIT STRING whose last {@code unusedBits} bits are not part of it. */
    public static byte[] bits(int unusedBits, byte[] value) {
        byte[] content = new byte[value.length + 1];
        content[0] = (byte) unusedBits;
        System.arraycopy(value, 0, content, 1, value.length);
        return tagged(0x03, content);
    }

    public static byte[] utf8(String text) {
        return tagged(0x0c, text.getBytes(StandardCharsets.UTF_8));
    }

    /** UTCTime before 2050, GeneralizedTime from then on, as RFC 5280 asks of certificate validity. */
    public static byte[] time(Instant instant) {
        boolean utc = ZonedDateTime.ofInstant(instant, ZoneOffset.UTC).getYear() < 2050;
        return utc ? tagged(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII))
                : tagged(0x18, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = 1;
            while (arc >>> (7 * groups) != 0) {
                groups++;
            }
            for (int group = groups - 1; group >= 0; group--) {
                out.write((int) ((arc >>> (7 * group)) & 0x7f) | (group > 0 ? 0x80 : 0));
            }
        }
        return tagged(0x06, out.toByteArray());
    }

    /** {@code [number]} EXPLICIT: a constructed context-specific tag around {@code content}. */
    public static byte[] explicit(int number, byte[] content) {
        return context(number, true, content);
    }

    /** A context-specific tag: {@code [number]} EXPLICIT (constructed) or IMPLICIT primitive. */
    public static byte[] context(int number, boolean constructed, byte[] content) {
        return tagged(0x80 | (constructed ? 0x20 : 0) | number, content);
    }

    public static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
