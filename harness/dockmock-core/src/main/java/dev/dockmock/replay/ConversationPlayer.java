package dev.dockmock.replay;

import dev.dockmock.protocol.HijackedStream;
import dev.dockmock.session.HijackEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Plays a recorded hijacked conversation to a client: output in order (at the recorded offsets
 * when paced), and before going past recorded stdin, waits for the client to send as many bytes
 * (or to half-close), up to the stdin timeout.
 */
final class ConversationPlayer {
    private final List<HijackEvent> events;
    private final Pacer pacer;
    private final long originNanos;
    private final long stdinTimeoutNanos;

    ConversationPlayer(List<HijackEvent> events, Pacer pacer, long originNanos, long stdinTimeoutNanos) {
        this.events = events;
        this.pacer = pacer;
        this.originNanos = originNanos;
        this.stdinTimeoutNanos = stdinTimeoutNanos;
    }

    void play(HijackedStream stream) throws IOException, InterruptedException {
        InputWatcher stdin = new InputWatcher(stream.input());
        stdin.start();
        OutputStream out = stream.output();
        long expected = 0;
        boolean outputClosed = false;
        for (HijackEvent event : events) {
            switch (event.direction()) {
                case OUT -> {
                    pacer.await(originNanos, event.at());
                    out.write(event.data());
                    out.flush();
                }
                case IN -> {
                    expected += event.data().length;
                    stdin.awaitBytes(expected, stdinTimeoutNanos);
                }
                case IN_EOF -> stdin.awaitEnd(stdinTimeoutNanos);
                case OUT_EOF -> {
                    pacer.await(originNanos, event.at());
                    stream.closeOutput();
                    outputClosed = true;
                }
            }
        }
        if (!outputClosed) {
            stream.closeOutput();
        }
        stdin.join(1000);
    }
}
