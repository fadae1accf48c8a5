package dev.dockmock.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The connection to the daemon after it took it over: {@code 101 UPGRADED} for attach and exec
 * start, or a plain {@code 200} whose stream ends when the daemon closes.
 */
public interface RawConnection extends AutoCloseable {

    /** What the daemon sends (the container's output); ends when it half-closes or closes. */
    InputStream input();

    /** What goes to the daemon (stdin); every write is sent at once. */
    OutputStream output();

    /** Half-closes towards the daemon: it reads end of stdin and can still send. */
    void shutdownOutput() throws IOException;

    /** True after {@code 101}, false for the plain-{@code 200} form. */
    boolean upgraded();

    @Override
    void close();
}
