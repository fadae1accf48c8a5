package dev.dockmock.replay;

import dev.dockmock.protocol.HijackedStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;

/** A hijacked stream in memory: the test plays the client. */
final class FakeHijack implements HijackedStream {
    private static final byte[] EOF = new byte[0];
    private final LinkedBlockingQueue<byte[]> stdin = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile boolean outputClosed;

    /** What the client sends. */
    void send(String text) {
        stdin.add(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The client half-closes. */
    void halfClose() {
        stdin.add(EOF);
    }

    synchronized String received() {
        return received.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    boolean outputClosed() {
        return outputClosed;
    }

    @Override
    public InputStream input() {
        return new InputStream() {
            private boolean ended;

            @Override
            public int read() throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (ended) {
                    return -1;
                }
                try {
                    byte[] next = stdin.take();
                    if (next == EOF) {
                        ended = true;
                        return -1;
                    }
                    System.arraycopy(next, 0, b, off, next.length);
                    return next.length;
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        };
    }

    @Override
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (outputClosed) {
                    throw new IOException("closed");
                }
                synchronized (FakeHijack.this) {
                    received.write(b, off, len);
                    FakeHijack.this.notifyAll();
                }
            }
        };
    }

    @Override
    public void closeOutput() {
        outputClosed = true;
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public boolean upgraded() {
        return true;
    }

    synchronized void awaitReceived(String text, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!received().equals(text) && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }
}
