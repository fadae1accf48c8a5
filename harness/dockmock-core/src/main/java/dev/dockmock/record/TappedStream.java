package dev.dockmock.record;

import dev.dockmock.protocol.HijackedStream;
import dev.dockmock.session.HijackEvent;
import dev.dockmock.session.RecordedBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hijacked stream that notes, in order, every byte each side sends and each half-close. Events
 * after {@link #finish} are not kept: the interaction has been written by then.
 */
final class TappedStream implements HijackedStream {
    private final HijackedStream stream;
    private final long startNanos;
    private final List<HijackEvent> events = new ArrayList<>();
    private boolean finished;
    private boolean inEnded;
    private boolean outEnded;

    private final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = stream.input().read(b, off, len);
            if (n > 0) {
                note(HijackEvent.in(Recording.millisSince(startNanos), Arrays.copyOfRange(b, off, off + n)));
            } else if (n < 0) {
                endInput();
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return stream.input().available();
        }
    };

    private final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            // Noted before it is written: the client may answer it (stdin, a half-close) at once,
            // and its answer must not be recorded ahead of what it answers.
            note(HijackEvent.out(Recording.millisSince(startNanos), Arrays.copyOfRange(b, off, off + len)));
            stream.output().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            stream.output().flush();
        }
    };

    TappedStream(HijackedStream stream, long startNanos) {
        this.stream = stream;
        this.startNanos = startNanos;
    }

    private synchronized void note(HijackEvent event) {
        if (!finished) {
            events.add(event);
        }
    }

    private synchronized void endInput() {
        if (!inEnded) {
            inEnded = true;
            note(HijackEvent.inEof(Recording.millisSince(startNanos)));
        }
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
    public void closeOutput() throws IOException {
        synchronized (this) {
            if (!outEnded) {
                outEnded = true;
                note(HijackEvent.outEof(Recording.millisSince(startNanos)));
            }
        }
        stream.closeOutput();
    }

    @Override
    public boolean upgraded() {
        return stream.upgraded();
    }

    /** The conversation so far; the server half-closes when the handler returns, so it ends with out-eof. */
    synchronized RecordedBody.Conversation finish() {
        if (!outEnded) {
            outEnded = true;
            events.add(HijackEvent.outEof(Recording.millisSince(startNanos)));
        }
        finished = true;
        return new RecordedBody.Conversation(stream.upgraded(), events);
    }
}
