package dev.dockmock.engine.files;

import dev.dockmock.protocol.DockerException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Gzip-compressed archives, which build contexts, {@code docker load} input and image layers may be. */
public final class Gzip {

    private Gzip() {
    }

    /** Whether {@code data} starts with gzip's magic number. */
    public static boolean isGzip(byte[] data) {
        return data.length > 1 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }

    /**
     * The bytes inside {@code data}: itself, or its decompressed form (at most {@code limit} bytes).
     *
     * @throws DockerException 400 for broken or oversized gzip data
     */
    public static byte[] decompress(byte[] data, long limit) {
        if (!isGzip(data)) {
            return data;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            byte[] plain = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 16));
            if (plain.length > limit) {
                throw new DockerException(400, "archive too large: more than " + limit + " bytes once decompressed");
            }
            return plain;
        } catch (IOException e) {
            throw new DockerException(400, "invalid gzip data: " + e.getMessage());
        }
    }
}
