package dev.dockmock.server;

import dev.dockmock.protocol.TransportFault;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/** Writes everything in small pieces with a pause before each, as a slow network would deliver it. */
final class DribbleOutput extends OutputStream {
    private final OutputStream out;
    private final int piece;
    private final long pauseNanos;
    private final ServerContext server;

    DribbleOutput(OutputStream out, TransportFault.Dribble dribble, ServerContext server) {
        this.out = out;
        this.piece = dribble.bytesPerWrite();
        this.pauseNanos = dribble.pause().toNanos();
        this.server = server;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int done = 0; done < len; done += piece) {
            if (done > 0 || pauseNanos > 0) {
                pause();
            }
            out.write(b, off + done, Math.min(piece, len - done));
            out.flush();
        }
    }

    private void pause() throws IOException {
        if (server.closing()) {
            throw new IOException("server is closing");
        }
        try {
            Thread.sleep(pauseNanos / 1_000_000, (int) (pauseNanos % 1_000_000));
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while dribbling");
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
