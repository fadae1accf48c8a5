package dev.dockmock.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Lets a response's head through, then at most {@code budget} bytes of its body, then cuts the
 * connection. The head is known to be over at the first flush: streams and hijacks flush their
 * head on its own before any body byte.
 */
final class CuttingOutput extends OutputStream {
    private final OutputStream out;
    private final Transport transport;
    private long budget;
    private boolean armed;
    private boolean cut;

    CuttingOutput(OutputStream out, long budget, Transport transport) {
        this.out = out;
        this.budget = budget;
        this.transport = transport;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (cut) {
            throw new IOException("connection cut by a transport fault");
        }
        if (!armed) {
            out.write(b, off, len);
            return;
        }
        int allowed = (int) Math.min(len, budget);
        out.write(b, off, allowed);
        budget -= allowed;
        if (allowed < len || budget == 0) {
            out.flush();
            cut = true;
            transport.close();
            throw new IOException("connection cut by a transport fault");
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
        armed = true;
    }
}
