package dev.dockmock.hardening;

import java.io.IOException;
import java.net.Socket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.SSLSocket;

/**
 * Connections a client leaves silent on purpose (a cut handshake, a handshake and then nothing).
 * Waiting for each one's end on the spot would hold a fuzzing client for the server's idle
 * time-out; they are parked instead and read to their end together, once that time-out has passed.
 */
final class SilentConnections {
    private record Parked(String kind, Socket socket) {
    }

    private static final Queue<Parked> PARKED = new ConcurrentLinkedQueue<>();

    private SilentConnections() {
    }

    static void park(String kind, Socket socket) {
        PARKED.add(new Parked(kind, socket));
    }

    /** Reads every parked connection to its end, which must be the server's close, and counts how each ended. */
    static void collect(FuzzOutcomes outcomes) throws IOException {
        for (Parked parked = PARKED.poll(); parked != null; parked = PARKED.poll()) {
            try (Socket socket = parked.socket()) {
                ClientEnding ending = ClientEnding.read(socket.getInputStream(), socket instanceof SSLSocket);
                outcomes.record(parked.kind(), ending.outcome());
                if (!ending.acceptable()) {
                    outcomes.wrong(parked.kind(), ending.outcome() + ": " + ending.detail());
                }
            }
        }
    }
}
