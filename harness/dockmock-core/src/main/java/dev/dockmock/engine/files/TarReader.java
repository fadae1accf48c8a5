package dev.dockmock.engine.files;

import static dev.dockmock.engine.files.TarHeaderChecks.number;

import dev.dockmock.protocol.DockerException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads tar archives (ustar, GNU long names, PAX headers; gzip-compressed or not) into
 * {@link TarEntry} values. Names come back cleaned and relative; members that are absolute or
 * climb out with {@code ..} are refused, and so is an archive whose contents exceed the limit.
 * Devices, fifos and sparse files are skipped.
 */
public final class TarReader {
    /** One gibibyte of contents: far more than a fake needs, small enough to stop runaway input. */
    public static final long DEFAULT_LIMIT = 1L << 30;
    private static final int SPECIAL_LIMIT = 1 << 20;

    private final InputStream in;
    private final long limit;
    private final Map<String, String> global = new HashMap<>();
    private long total;

    private TarReader(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** Every kept member of {@code archive}, with the default limit. */
    public static List<TarEntry> read(byte[] archive) {
        return read(archive, DEFAULT_LIMIT);
    }

    /**
     * Every kept member of {@code archive}, decompressing gzip first.
     *
     * @param limit the most content bytes accepted
     * @throws DockerException 400 for malformed archives, unsafe names and archives over the limit
     */
    public static List<TarEntry> read(byte[] archive, long limit) {
        try (InputStream in = Gzip.isGzip(archive) ? new GZIPInputStream(new ByteArrayInputStream(archive)) : new ByteArrayInputStream(archive)) {
            return new TarReader(in, limit).readAll();
        } catch (IOException e) {
            throw new DockerException(400, "invalid tar archive: " + e.getMessage());
        }
    }

    private List<TarEntry> readAll() throws IOException {
        List<TarEntry> entries = new ArrayList<>();
        String longName = null;
        String longLink = null;
        Map<String, String> pax = new HashMap<>();
        while (true) {
            byte[] block = in.readNBytes(TarHeader.BLOCK);
            if (block.length == 0 || (block.length == TarHeader.BLOCK && TarHeader.isZero(block))) {
                return entries;
            }
            if (block.length < TarHeader.BLOCK) {
                throw new DockerException(400, "invalid tar archive: unexpected end of data");
            }
            TarHeaderChecks.checkSum(block, entries.isEmpty());
            char type = (char) block[TarHeader.TYPE];
            String name = TarHeader.text(block, TarHeader.NAME, 100);
            if (TarHeaderChecks.isUstar(block)) {
                String prefix = TarHeader.text(block, TarHeader.PREFIX, 155);
                name = prefix.isEmpty() ? name : prefix + "/" + name;
            }
            long size = number(block, TarHeader.SIZE, 12, name);
            switch (type) {
                case 'x' -> pax.putAll(PaxRecords.parse(special(size, name)));
                case 'g' -> global.putAll(PaxRecords.parse(special(size, name)));
                case 'L' -> longName = TarHeaderChecks.zeroTrimmed(special(size, name));
                case 'K' -> longLink = TarHeaderChecks.zeroTrimmed(special(size, name));
                default -> {
                    Map<String, String> extended = new HashMap<>(global);
                    extended.putAll(pax);
                    name = extended.getOrDefault("path", longName != null ? longName : name);
                    String link = extended.getOrDefault("linkpath",
                            longLink != null ? longLink : TarHeader.text(block, TarHeader.LINK, 100));
                    if (extended.containsKey("size")) {
                        size = TarHeaderChecks.paxSize(extended.get("size"), name);
                    }
                    TarEntry entry = entry(block, type, name, link, size, extended.get("mtime"));
                    if (entry != null) {
                        entries.add(entry);
                    }
                    longName = null;
                    longLink = null;
                    pax.clear();
                }
            }
        }
    }

    private TarEntry entry(byte[] block, char type, String name, String link, long size, String paxMtime) throws IOException {
        byte[] content = content(size, name);
        TarEntry.Type kind = switch (type) {
            case '0', '\0', '7' -> name.endsWith("/") ? TarEntry.Type.DIRECTORY : TarEntry.Type.FILE;
            case '1' -> TarEntry.Type.HARDLINK;
            case '2' -> TarEntry.Type.SYMLINK;
            case '5' -> TarEntry.Type.DIRECTORY;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        Instant mtime = paxMtime != null ? PaxRecords.time(paxMtime, name)
                : Instant.ofEpochSecond(number(block, TarHeader.MTIME, 12, name));
        String clean = TarPaths.clean(name, name);
        String target = kind == TarEntry.Type.HARDLINK ? TarPaths.clean(link, name) : kind == TarEntry.Type.SYMLINK ? link : "";
        return new TarEntry(clean, kind, (int) number(block, TarHeader.MODE, 8, name), (int) number(block, TarHeader.UID, 8, name),
                (int) number(block, TarHeader.GID, 8, name), mtime, kind == TarEntry.Type.FILE ? content : null, target);
    }

    private byte[] content(long size, String name) throws IOException {
        if (size < 0 || size > limit - total) {
            throw new DockerException(400, "archive too large: entry \"" + name + "\" takes its contents past the limit of "
                    + limit + " bytes");
        }
        total += size;
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new DockerException(400, "invalid tar archive: entry \"" + name + "\" is truncated");
        }
        long rest = size % TarHeader.BLOCK;
        if (rest != 0) {
            in.readNBytes((int) (TarHeader.BLOCK - rest));
        }
        return data;
    }

    private byte[] special(long size, String name) throws IOException {
        if (size > SPECIAL_LIMIT) {
            throw new DockerException(400, "invalid tar archive: extended header \"" + name + "\" is too large");
        }
        return content(size, name);
    }

    /**
     * Whether {@code data} starts as a tar archive does: a whole first header whose checksum holds
     * (an empty body and a lone end-of-archive block count too). Anything else is not a tar at all.
     */
    public static boolean looksLikeTar(byte[] data) {
        if (data.length == 0) {
            return true;
        }
        if (data.length < TarHeader.BLOCK) {
            return false;
        }
        byte[] first = java.util.Arrays.copyOf(data, TarHeader.BLOCK);
        if (TarHeader.isZero(first)) {
            return true;
        }
        try {
            TarHeaderChecks.checkSum(first, true);
            return true;
        } catch (DockerException notTar) {
            return false;
        }
    }

}
