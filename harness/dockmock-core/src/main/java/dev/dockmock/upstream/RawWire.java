package dev.dockmock.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A taken-over connection; its input starts with whatever arrived behind the response head. */
final class RawWire implements RawConnection {
    private final Wire wire;
    private final UpstreamInput input;
    private final boolean upgraded;
    private final OutputStream output;

    RawWire(Wire wire, UpstreamInput input, boolean upgraded) {
        this.wire = wire;
        this.input = input;
        this.upgraded = upgraded;
        OutputStream raw = wire.output();
        this.output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                raw.write(b);
                raw.flush();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                raw.write(b, off, len);
                raw.flush();
            }

            @Override
            public void flush() throws IOException {
                raw.flush();
            }
        };
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void shutdownOutput() throws IOException {
        wire.shutdownOutput();
    }

    @Override
    public boolean upgraded() {
        return upgraded;
    }

    @Override
    public void close() {
        wire.close();
    }
}
