package dev.dockmock.engine.files;

import dev.dockmock.protocol.DockerException;
import java.nio.charset.StandardCharsets;

/** Reads and checks the fields of a tar header block for {@link TarReader}: a bad one is a 400, as dockerd's. */
final class TarHeaderChecks {

    private TarHeaderChecks() {
    }

    /** Refuses a header whose checksum fails (as "not a tar archive" when it is the first). */
    static void checkSum(byte[] block, boolean first) {
        long stored;
        try {
            stored = TarHeader.number(block, TarHeader.CHECKSUM, 8);
        } catch (NumberFormatException e) {
            stored = -1;
        }
        if (stored != TarHeader.checksum(block) && stored != TarHeader.signedChecksum(block)) {
            throw new DockerException(400, first ? "invalid tar archive: not a tar archive (bad header checksum)"
                    : "invalid tar archive: bad header checksum");
        }
    }

    /** Whether the header has ustar's magic, and so a name prefix. */
    static boolean isUstar(byte[] block) {
        for (int i = 0; i < 6; i++) {
            if (block[TarHeader.MAGIC + i] != TarHeader.USTAR[i]) {
                return false;
            }
        }
        return true;
    }

    /** The text of a GNU long name or link, without its trailing NULs. */
    static String zeroTrimmed(byte[] data) {
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) {
            end--;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    /** A numeric header field; a bad one is a 400 naming the member. */
    static long number(byte[] block, int offset, int size, String name) {
        try {
            return TarHeader.number(block, offset, size);
        } catch (NumberFormatException e) {
            throw new DockerException(400, "invalid tar archive: bad numeric field in the header of \"" + name + "\"");
        }
    }

    /** A PAX {@code size} record; a bad one is a 400 naming the member. */
    static long paxSize(String text, String name) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new DockerException(400, "invalid tar archive: bad PAX size for \"" + name + "\"");
        }
    }
}
