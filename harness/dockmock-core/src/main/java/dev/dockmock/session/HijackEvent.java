package dev.dockmock.session;

import java.util.Objects;

/**
 * One step of a hijacked conversation.
 *
 * @param direction who acted
 * @param at milliseconds after the request arrived
 * @param data the bytes sent; empty for the half-close events
 */
public record HijackEvent(Direction direction, long at, byte[] data) {

    /** The kinds of step, named as the cassette writes them. */
    public enum Direction {
        /** The client sent bytes (stdin). */
        IN("in"),
        /** The server sent bytes (output). */
        OUT("out"),
        /** The client half-closed: end of stdin. */
        IN_EOF("in-eof"),
        /** The server half-closed: end of output. */
        OUT_EOF("out-eof");

        private final String wire;

        Direction(String wire) {
            this.wire = wire;
        }

        /** The name in the cassette. */
        public String wireName() {
            return wire;
        }

        /** The direction the cassette names {@code text}. */
        public static Direction fromWire(String text) {
            for (Direction d : values()) {
                if (d.wire.equals(text)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown dir \"" + text + "\": expected in, out, in-eof or out-eof");
        }
    }

    public HijackEvent {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(data, "data");
    }

    public static HijackEvent in(long at, byte[] data) {
        return new HijackEvent(Direction.IN, at, data);
    }

    public static HijackEvent out(long at, byte[] data) {
        return new HijackEvent(Direction.OUT, at, data);
    }

    public static HijackEvent inEof(long at) {
        return new HijackEvent(Direction.IN_EOF, at, new byte[0]);
    }

    public static HijackEvent outEof(long at) {
        return new HijackEvent(Direction.OUT_EOF, at, new byte[0]);
    }
}
