package dev.dockmock.cli.bench;

import java.io.IOException;
import java.net.SocketAddress;

/** Times one request, repeated on one keep-alive connection, one at a time. */
final class Probe {

    private Probe() {
    }

    /**
     * Sends {@code request} {@code repeats} times and returns each round trip in milliseconds.
     *
     * @throws IOException when the connection fails or an answer is not 2xx
     */
    static double[] millis(SocketAddress address, byte[] request, int repeats) throws IOException {
        double[] out = new double[repeats];
        try (Wire wire = Wire.connect(address)) {
            ResponseReader reader = new ResponseReader(wire);
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                wire.write(request);
                reader.read();
                out[i] = (System.nanoTime() - start) / 1e6;
                if (reader.status() / 100 != 2) {
                    throw new IOException("answered " + reader.status());
                }
            }
        }
        return out;
    }
}
