package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tar archives as busybox's {@code tar} writes them (GNU headers, owner names {@code root}, a
 * {@code ././@LongLink} member for a name over 100 bytes) and reads them (ustar, GNU long names,
 * PAX {@code path}/{@code linkpath}). Member names are kept exactly as stored ({@code ./a},
 * {@code dir/}), as {@code tar t} lists them. The engine's own tar code serves the API and is
 * stricter about names; this one lives with the applets so that processes do not depend on it.
 */
final class TarCodec {
    private static final int BLOCK = 512;

    /**
     * One member.
     *
     * @param type {@code '0'} file, {@code '5'} directory, {@code '2'} symbolic link, {@code '1'} hard link
     */
    record Member(String name, char type, int mode, int uid, int gid, long mtime, byte[] content, String link) {
    }

    /** An archive that cannot be read, with busybox's complaint ({@code short read}, {@code invalid tar magic}). */
    static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;

        Broken(String message) {
            super(message, null, false, false);
        }
    }

    private TarCodec() {
    }

    static List<Member> read(byte[] data) throws Broken {
        List<Member> members = new ArrayList<>();
        String longName = null;
        String longLink = null;
        for (int at = 0; ; ) {
            if (at + BLOCK > data.length) {
                if (at == data.length && !members.isEmpty()) {
                    return members;
                }
                throw new Broken("short read");
            }
            byte[] block = Arrays.copyOfRange(data, at, at + BLOCK);
            if (isZero(block)) {
                return members;
            }
            if (!text(block, 257, 5).equals("ustar") && checksum(block) != number(block, 148, 8)) {
                throw new Broken("invalid tar magic");
            }
            long size = number(block, 124, 12);
            at += BLOCK;
            if (at + size > data.length) {
                throw new Broken("short read");
            }
            byte[] content = Arrays.copyOfRange(data, at, (int) (at + size));
            at += (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
            char type = (char) block[156];
            String name = text(block, 0, 100);
            String prefix = text(block, 345, 155);
            if (text(block, 257, 6).equals("ustar") && !prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            String link = text(block, 157, 100);
            switch (type) {
                case 'L' -> longName = text(content, 0, content.length);
                case 'K' -> longLink = text(content, 0, content.length);
                case 'g' -> { }
                case 'x' -> {
                    String records = new String(content, StandardCharsets.UTF_8);
                    longName = pax(records, "path", longName);
                    longLink = pax(records, "linkpath", longLink);
                }
                default -> {
                    members.add(new Member(longName != null ? longName : name, type == '\0' || type == '7' ? '0' : type,
                            (int) number(block, 100, 8) & 07777, (int) number(block, 108, 8), (int) number(block, 116, 8),
                            number(block, 136, 12), type == '0' || type == '\0' || type == '7' ? content : new byte[0],
                            longLink != null ? longLink : link));
                    longName = null;
                    longLink = null;
                }
            }
        }
    }

    static byte[] write(List<Member> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Member member : members) {
            byte[] name = member.name().getBytes(StandardCharsets.UTF_8);
            if (name.length > 100) {
                byte[] longName = Arrays.copyOf(name, name.length + 1);
                header(out, "././@LongLink", 'L', 0, 0, 0, longName.length, 0, "");
                body(out, longName);
            }
            header(out, member.name(), member.type(), member.mode(), member.uid(), member.gid(), member.content().length,
                    member.mtime(), member.link());
            body(out, member.content());
        }
        out.writeBytes(new byte[BLOCK * 2]);
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, String name, char type, int mode, int uid, int gid, long size,
            long mtime, String link) {
        byte[] block = new byte[BLOCK];
        put(block, 0, 100, name);
        put(block, 100, 8, String.format("%07o", mode));
        put(block, 108, 8, String.format("%07o", uid));
        put(block, 116, 8, String.format("%07o", gid));
        put(block, 124, 12, String.format("%011o", size));
        put(block, 136, 12, String.format("%011o", mtime));
        Arrays.fill(block, 148, 156, (byte) ' ');
        block[156] = (byte) type;
        put(block, 157, 100, link);
        put(block, 257, 8, "ustar  ");
        put(block, 265, 32, uid == 0 ? "root" : "");
        put(block, 297, 32, gid == 0 ? "root" : "");
        put(block, 148, 8, String.format("%06o", checksum(block)));
        block[155] = ' ';
        out.writeBytes(block);
    }

    private static void body(ByteArrayOutputStream out, byte[] content) {
        out.writeBytes(content);
        int rest = content.length % BLOCK;
        if (rest != 0) {
            out.writeBytes(new byte[BLOCK - rest]);
        }
    }

    private static String pax(String records, String key, String fallback) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith(key + "=", space + 1)) {
                return record.substring(space + key.length() + 2);
            }
        }
        return fallback;
    }

    private static void put(byte[] block, int offset, int size, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, block, offset, Math.min(size, bytes.length));
    }

    private static long checksum(byte[] block) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : block[i] & 0xff;
        }
        return sum;
    }

    private static String text(byte[] data, int offset, int size) {
        int end = offset;
        while (end < offset + size && end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long number(byte[] block, int offset, int size) {
        String digits = text(block, offset, size).trim();
        return digits.matches("[0-7]+") ? Long.parseLong(digits, 8) : 0;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
