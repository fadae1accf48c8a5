package dev.dockmock.hardening;

import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Tar archives that try to escape where they are unpacked, or claim more than they hold. */
final class BadArchives {
    private static final Instant WHEN = Instant.parse("2024-01-01T00:00:00Z");

    private BadArchives() {
    }

    static byte[] of(TarEntry... entries) {
        return TarWriter.archive(List.of(entries));
    }

    static TarEntry file(String name) {
        return TarEntry.file(name, "escaped\n", 0644, WHEN);
    }

    static TarEntry symlink(String name, String target) {
        return TarEntry.symlink(name, target, WHEN);
    }

    static TarEntry hardlink(String name, String target) {
        return TarEntry.hardlink(name, target, WHEN);
    }

    /** A one-member ustar archive whose header claims {@code octalSize} bytes (11 octal digits) but holds 8. */
    static byte[] hugeMember(String name, String octalSize) {
        byte[] archive = new byte[512 * 4];
        put(archive, 0, name);
        put(archive, 100, "0000644");
        put(archive, 108, "0000000");
        put(archive, 116, "0000000");
        put(archive, 124, octalSize);
        put(archive, 136, "14545743200");
        archive[156] = '0';
        put(archive, 257, "ustar");
        put(archive, 263, "00");
        for (int i = 148; i < 156; i++) {
            archive[i] = ' ';
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += archive[i] & 0xff;
        }
        put(archive, 148, String.format("%06o", sum));
        archive[155] = ' ';
        put(archive, 512, "escaped\n");
        return archive;
    }

    private static void put(byte[] block, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, block, offset, bytes.length);
    }

    /** A Dockerfile build context whose other members are {@code extra}. */
    static byte[] buildContext(TarEntry... extra) {
        TarEntry[] entries = new TarEntry[extra.length + 1];
        entries[0] = TarEntry.file("Dockerfile", "FROM alpine:latest\nCOPY . /ctx/\n", 0644, WHEN);
        System.arraycopy(extra, 0, entries, 1, extra.length);
        return of(entries);
    }
}
