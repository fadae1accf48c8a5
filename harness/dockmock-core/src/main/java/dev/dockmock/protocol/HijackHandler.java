package dev.dockmock.protocol;

import java.io.IOException;

/**
 * Runs a hijacked conversation. When it returns, the server flushes, half-closes, waits for the
 * client's end of stream and closes the connection.
 */
@FunctionalInterface
public interface HijackHandler {

    void run(HijackedStream stream) throws IOException, InterruptedException;
}
