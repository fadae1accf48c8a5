package dev.dockmock.engine.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes tar archives that GNU tar, Go's {@code archive/tar} (the docker CLI and dockerd) and
 * dockmock's own {@link TarReader} accept. Names that fit ustar's 100 + 155 bytes are written as
 * plain ustar; longer names and link targets get a PAX extended header, or GNU long-name members
 * when {@link LongNames#GNU} is chosen.
 */
public final class TarWriter {

    /** How names longer than ustar allows are written. */
    public enum LongNames {
        /** PAX extended headers ({@code path=}, {@code linkpath=}), as Go and docker write. */
        PAX,
        /** GNU {@code ././@LongLink} members of type {@code L} and {@code K}, as GNU tar writes by default. */
        GNU
    }

    private static final byte[] PADDING = new byte[TarHeader.BLOCK];

    private final OutputStream out;
    private final LongNames longNames;

    public TarWriter(OutputStream out, LongNames longNames) {
        this.out = out;
        this.longNames = longNames;
    }

    public TarWriter(OutputStream out) {
        this(out, LongNames.PAX);
    }

    /** The whole archive of {@code entries}, in memory. */
    public static byte[] archive(List<TarEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarWriter writer = new TarWriter(bytes);
        try {
            for (TarEntry entry : entries) {
                writer.write(entry);
            }
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes one member: its long-name headers if needed, its header, and its padded content. */
    public void write(TarEntry entry) throws IOException {
        String name = switch (entry.type()) {
            case DIRECTORY -> entry.name().isEmpty() ? "./" : entry.name() + "/";
            default -> entry.name();
        };
        String link = entry.linkName();
        String headerName = name;
        String prefix = "";
        Map<String, String> pax = new LinkedHashMap<>();
        boolean gnu = longNames == LongNames.GNU;
        if (TarHeader.length(name) > 100) {
            int split = gnu ? -1 : ustarSplit(name);
            if (split > 0) {
                prefix = name.substring(0, split);
                headerName = name.substring(split + 1);
            } else if (gnu) {
                special("././@LongLink", 'L', zeroTerminated(name), true);
                headerName = truncate(name);
            } else {
                pax.put("path", name);
                headerName = truncate(name);
            }
        }
        String headerLink = link;
        if (TarHeader.length(link) > 100) {
            if (gnu) {
                special("././@LongLink", 'K', zeroTerminated(link), true);
            } else {
                pax.put("linkpath", link);
            }
            headerLink = truncate(link);
        }
        if (!pax.isEmpty()) {
            special("PaxHeaders.0/" + truncate(baseName(name), 80), 'x', PaxRecords.format(pax), false);
        }
        char type = switch (entry.type()) {
            case FILE -> '0';
            case HARDLINK -> '1';
            case SYMLINK -> '2';
            case DIRECTORY -> '5';
        };
        out.write(TarHeader.encode(headerName, prefix, headerLink, type, entry.mode(), entry.size(),
                entry.mtime().getEpochSecond(), "", gnu));
        body(entry.content());
    }

    /** Ends the archive with the two zero blocks readers look for. */
    public void finish() throws IOException {
        out.write(PADDING);
        out.write(PADDING);
        out.flush();
    }

    private void special(String name, char type, byte[] content, boolean gnu) throws IOException {
        out.write(TarHeader.encode(truncate(name), "", "", type, 0644, content.length, 0, "", gnu));
        body(content);
    }

    private void body(byte[] content) throws IOException {
        out.write(content);
        int rest = content.length % TarHeader.BLOCK;
        if (rest != 0) {
            out.write(PADDING, 0, TarHeader.BLOCK - rest);
        }
    }

    /** Where ustar can split a long name into prefix and name, or -1. */
    private static int ustarSplit(String name) {
        for (int i = name.length() - 1; i > 0; i--) {
            if (name.charAt(i) == '/') {
                String head = name.substring(0, i);
                String tail = name.substring(i + 1);
                if (TarHeader.length(tail) > 100) {
                    return -1;
                }
                if (TarHeader.length(head) <= 155 && !tail.isEmpty()) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static byte[] zeroTerminated(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(bytes, bytes.length + 1);
    }

    private static String baseName(String name) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String truncate(String text) {
        return truncate(text, 100);
    }

    private static String truncate(String text, int bytes) {
        String result = text;
        while (TarHeader.length(result) > bytes) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
