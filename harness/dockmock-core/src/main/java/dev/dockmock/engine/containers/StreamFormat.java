package dev.dockmock.engine.containers;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiVersion;

/**
 * How container output travels: Docker's 8-byte frames ({@code [stream, 0, 0, 0, uint32 BE size]})
 * without a TTY, raw bytes with one; and the content type that says which (the multiplexed type
 * exists from API 1.42 on).
 */
public final class StreamFormat {
    public static final String RAW = "application/vnd.docker.raw-stream";
    public static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
    private static final ApiVersion MULTIPLEXED_SINCE = new ApiVersion(1, 42);

    private StreamFormat() {
    }

    public static String contentType(ApiRequest request, boolean tty) {
        boolean modern = request.version().map(v -> v.isAtLeast(MULTIPLEXED_SINCE)).orElse(true);
        return tty || !modern ? RAW : MULTIPLEXED;
    }

    /** One frame of a multiplexed stream. */
    public static byte[] frame(int stream, byte[] data) {
        byte[] framed = new byte[8 + data.length];
        framed[0] = (byte) stream;
        framed[4] = (byte) (data.length >>> 24);
        framed[5] = (byte) (data.length >>> 16);
        framed[6] = (byte) (data.length >>> 8);
        framed[7] = (byte) data.length;
        System.arraycopy(data, 0, framed, 8, data.length);
        return framed;
    }

    /** The bytes to send for an output entry: framed without a TTY, raw with one. */
    public static byte[] encode(int stream, byte[] data, boolean tty) {
        return tty ? data : frame(stream, data);
    }
}
