package dev.dockmock.upstream;

import java.io.IOException;
import java.util.Arrays;

/** A body without length or chunking: it ends when the daemon closes; each read is one message. */
final class UntilCloseSource implements MessageSource {
    private final Wire wire;
    private final UpstreamInput input;
    private final byte[] buffer = new byte[32 * 1024];

    UntilCloseSource(Wire wire, UpstreamInput input) {
        this.wire = wire;
        this.input = input;
    }

    @Override
    public byte[] next() throws IOException {
        int n = input.read(buffer, 0, buffer.length);
        if (n < 0) {
            close();
            return null;
        }
        return Arrays.copyOf(buffer, n);
    }

    @Override
    public void close() {
        wire.close();
    }
}
