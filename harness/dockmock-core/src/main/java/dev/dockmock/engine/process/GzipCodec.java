package dev.dockmock.engine.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** gzip data as busybox writes it (no name, time 0, OS Unix) and reads it (members one after another). */
final class GzipCodec {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

    /** Data that is not gzip, with busybox's complaint ({@code invalid magic}, {@code unexpected end of file}). */
    static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;

        Broken(String message) {
            super(message, null, false, false);
        }
    }

    private GzipCodec() {
    }

    static byte[] compress(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADER);
        Deflater deflater = new Deflater(6, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        littleEndian(out, crc.getValue());
        littleEndian(out, data.length & 0xffffffffL);
        return out.toByteArray();
    }

    /** Whether {@code data} starts with gzip's magic number. */
    static boolean looksCompressed(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }

    static byte[] decompress(byte[] data) throws Broken {
        if (!looksCompressed(data)) {
            throw new Broken("invalid magic");
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new Broken("unexpected end of file");
        } catch (ZipException e) {
            throw new Broken(e.getMessage() != null && e.getMessage().contains("trailer") ? "crc error" : "corrupted data");
        } catch (IOException e) {
            throw new Broken("corrupted data");
        }
    }

    /** What {@code gunzip FILE} writes: {@code x.gz} to {@code x}, {@code x.tgz} to {@code x.tar}; null for another suffix. */
    static String decompressedName(String file) {
        if (file.endsWith(".gz") && file.length() > 3) {
            return file.substring(0, file.length() - 3);
        }
        if (file.endsWith(".tgz") && file.length() > 4) {
            return file.substring(0, file.length() - 4) + ".tar";
        }
        return null;
    }

    private static void littleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
