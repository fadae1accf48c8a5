package dev.dockmock.engine.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 512-byte header block of a tar member: field layout, octal and base-256 numbers, and the
 * checksum, shared by {@link TarWriter} and {@link TarReader}.
 */
final class TarHeader {
    static final int BLOCK = 512;
    static final int NAME = 0;
    static final int MODE = 100;
    static final int UID = 108;
    static final int GID = 116;
    static final int SIZE = 124;
    static final int MTIME = 136;
    static final int CHECKSUM = 148;
    static final int TYPE = 156;
    static final int LINK = 157;
    static final int MAGIC = 257;
    static final int UNAME = 265;
    static final int GNAME = 297;
    static final int PREFIX = 345;

    /** The magic and version of POSIX ustar ({@code "ustar\0" "00"}). */
    static final byte[] USTAR = {'u', 's', 't', 'a', 'r', 0, '0', '0'};
    /** The magic and version GNU tar writes in its own format ({@code "ustar  \0"}). */
    static final byte[] GNU = {'u', 's', 't', 'a', 'r', ' ', ' ', 0};

    private TarHeader() {
    }

    /** A header block; {@code prefix} is written only in ustar format. */
    static byte[] encode(String name, String prefix, String link, char type, int mode, long size, long mtime,
            String owner, boolean gnu) {
        byte[] block = new byte[BLOCK];
        string(block, NAME, 100, name);
        octal(block, MODE, 8, mode);
        octal(block, UID, 8, 0);
        octal(block, GID, 8, 0);
        octal(block, SIZE, 12, size);
        octal(block, MTIME, 12, Math.max(0, mtime));
        block[TYPE] = (byte) type;
        string(block, LINK, 100, link);
        System.arraycopy(gnu ? GNU : USTAR, 0, block, MAGIC, 8);
        string(block, UNAME, 32, owner);
        string(block, GNAME, 32, owner);
        if (!gnu) {
            string(block, PREFIX, 155, prefix);
        }
        Arrays.fill(block, CHECKSUM, CHECKSUM + 8, (byte) ' ');
        String sum = String.format("%06o", checksum(block));
        string(block, CHECKSUM, 6, sum);
        block[CHECKSUM + 6] = 0;
        block[CHECKSUM + 7] = ' ';
        return block;
    }

    /** The UTF-8 length of {@code text}: tar fields are measured in bytes. */
    static int length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void string(byte[] block, int offset, int size, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > size) {
            throw new IllegalArgumentException("tar header field too long: " + text);
        }
        System.arraycopy(bytes, 0, block, offset, bytes.length);
    }

    private static void octal(byte[] block, int offset, int size, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > size - 1) {
            throw new IllegalArgumentException("value too large for a tar header field: " + value);
        }
        string(block, offset, size - 1, "0".repeat(size - 1 - digits.length()) + digits);
    }

    /** The unsigned sum of the block's bytes with the checksum field read as spaces. */
    static long checksum(byte[] block) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= CHECKSUM && i < CHECKSUM + 8) ? ' ' : (block[i] & 0xff);
        }
        return sum;
    }

    /** The same sum with bytes taken as signed, as some old tar programs computed it. */
    static long signedChecksum(byte[] block) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= CHECKSUM && i < CHECKSUM + 8) ? ' ' : block[i];
        }
        return sum;
    }

    /** A NUL-terminated text field. */
    static String text(byte[] block, int offset, int size) {
        int end = offset;
        while (end < offset + size && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }

    /**
     * A numeric field: octal digits (padded with spaces or NULs), or GNU base-256 when the first
     * byte has its high bit set.
     *
     * @throws NumberFormatException when the field holds anything else
     */
    static long number(byte[] block, int offset, int size) {
        if ((block[offset] & 0x80) != 0) {
            long value = block[offset] & 0x3f;
            for (int i = offset + 1; i < offset + size; i++) {
                value = (value << 8) | (block[i] & 0xff);
            }
            return (block[offset] & 0x40) != 0 ? -value : value;
        }
        String text = text(block, offset, size).trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }

    static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
