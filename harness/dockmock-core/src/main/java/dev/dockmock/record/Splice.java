package dev.dockmock.record;

import dev.dockmock.protocol.HijackedStream;
import dev.dockmock.upstream.RawConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Joins a client's hijacked stream to the daemon's taken-over connection: bytes flow both ways as
 * they come, and a half-close on either side is passed on to the other.
 */
final class Splice {
    // A client that never half-closes (docker-java) must not hold the connection open forever
    // once the daemon has finished.
    private static final long STDIN_GRACE_MILLIS = 2000;

    private Splice() {
    }

    static void run(RawConnection daemon, HijackedStream client) throws InterruptedException {
        Thread stdin = new Thread(() -> {
            try {
                copy(client.input(), daemon.output());
            } catch (IOException e) {
                // the client or the daemon went away; the half-close below still tells the daemon
            } finally {
                try {
                    daemon.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "dockmock-proxy-stdin");
        stdin.setDaemon(true);
        stdin.start();
        try {
            copy(daemon.input(), client.output());
        } catch (IOException e) {
            // the daemon or the client went away
        } finally {
            try {
                client.closeOutput();
            } catch (IOException ignored) {
                // the client has gone
            }
        }
        try {
            stdin.join(STDIN_GRACE_MILLIS);
        } finally {
            daemon.close();
        }
    }

    private static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[32 * 1024];
        int n;
        while ((n = from.read(buffer, 0, buffer.length)) >= 0) {
            if (n > 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        }
    }
}
