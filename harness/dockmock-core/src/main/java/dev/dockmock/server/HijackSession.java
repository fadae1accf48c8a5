package dev.dockmock.server;

import dev.dockmock.protocol.HijackedStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The hijacked stream handed to a {@link dev.dockmock.protocol.HijackHandler}; every write is flushed. */
final class HijackSession implements HijackedStream {
    private final InputStream input;
    private final OutputStream output;
    private final Transport transport;
    private final boolean upgraded;
    private volatile boolean outputClosed;
    private volatile long firstWriteNotBefore;

    /**
     * @param notBefore a {@link System#nanoTime()} the first write waits for (see
     *     {@link StreamStartPause}), or {@code Long.MIN_VALUE}
     */
    HijackSession(HttpInput input, OutputStream buffered, Transport transport, boolean upgraded, long notBefore) {
        this.firstWriteNotBefore = notBefore;
        this.input = input;
        this.transport = transport;
        this.upgraded = upgraded;
        this.output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (outputClosed) {
                    throw new IOException("stream output already closed");
                }
                if (firstWriteNotBefore != Long.MIN_VALUE) {
                    StreamStartPause.awaitStart(firstWriteNotBefore);
                    firstWriteNotBefore = Long.MIN_VALUE;
                }
                buffered.write(b, off, len);
                buffered.flush();
            }

            @Override
            public void flush() throws IOException {
                buffered.flush();
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
    public synchronized void closeOutput() throws IOException {
        if (!outputClosed) {
            output.flush();
            outputClosed = true;
            transport.shutdownOutput();
        }
    }

    @Override
    public boolean upgraded() {
        return upgraded;
    }

    boolean outputClosed() {
        return outputClosed;
    }
}
