package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The line being typed in canonical mode, and how typed keys are echoed and taken back: its bytes and how many screen columns the echo of each
 * took, so that erasing one takes back as many ({@code ^C} two, a tab up to eight, stored negated
 * as it is taken back by moving left rather than blanking). Bytes count
 * one each, as Linux counts them without IUTF8 (which a container's pty does not set).
 */
final class TerminalInput {
    private static final byte[] ERASE = {'\b', ' ', '\b'};

    private byte[] bytes = new byte[64];
    private int[] widths = new int[64];
    private int length;

    int length() {
        return length;
    }

    void add(int c, int width) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, length * 2);
            widths = Arrays.copyOf(widths, length * 2);
        }
        bytes[length] = (byte) c;
        widths[length++] = width;
    }

    /** The line so far, which is then empty. */
    byte[] take() {
        byte[] taken = Arrays.copyOf(bytes, length);
        length = 0;
        return taken;
    }

    /** Removes the last byte; its width, 0 when the line is empty. */
    int eraseChar() {
        return length == 0 ? 0 : widths[--length];
    }

    /**
     * ^W: removes what is not a word character, then the word before it (letters, digits and
     * {@code _}), as Linux's n_tty does; the widths, last first.
     */
    List<Integer> eraseWord() {
        List<Integer> erased = new ArrayList<>();
        boolean seenWord = false;
        while (length > 0) {
            int c = bytes[length - 1] & 0xff;
            boolean word = Character.isLetterOrDigit(c) && c < 0x80 || c == '_';
            if (!word && seenWord) {
                break;
            }
            seenWord |= word;
            erased.add(eraseChar());
        }
        return erased;
    }

    /** ^U: removes the whole line; the widths, last first. */
    List<Integer> eraseLine() {
        List<Integer> erased = new ArrayList<>();
        while (length > 0) {
            erased.add(eraseChar());
        }
        return erased;
    }

    /** Adds the echo of typed {@code c} to {@code echo}, if the modes echo. */
    static void echo(int c, TerminalModes modes, ByteArrayOutputStream echo) {
        if (!modes.echo()) {
            return;
        }
        if (c == '\n') {
            echo.writeBytes(modes.postProcess() ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        } else {
            echo.writeBytes(caret(c));
        }
    }

    /** Adds what takes back an echo {@code width} columns wide (negative: a tab's) to {@code echo}. */
    static void erase(int width, TerminalModes modes, ByteArrayOutputStream echo) {
        if (!modes.echo()) {
            return;
        }
        // a tab is taken back by moving left (its width stored negated), anything else by blanking it
        for (int i = 0; i < Math.abs(width); i++) {
            echo.writeBytes(width < 0 ? new byte[] {'\b'} : ERASE);
        }
    }

    /** How a typed byte is echoed: control characters but tab and NL as {@code ^X}. */
    static byte[] caret(int c) {
        if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
            return new byte[] {'^', (byte) (c ^ 0x40)};
        }
        return new byte[] {(byte) c};
    }

    /** The columns the echo of {@code c} takes when shown at {@code column}. */
    static int width(int c, int column) {
        if (c == '\t') {
            return 8 - column % 8;
        }
        return caret(c).length;
    }

    /** The column after showing {@code shown} from {@code column}. */
    static int advance(int column, byte[] shown) {
        int at = column;
        for (byte b : shown) {
            int c = b & 0xff;
            if (c == '\r' || c == '\n') {
                at = 0;
            } else if (c == '\b') {
                at = Math.max(at - 1, 0);
            } else if (c == '\t') {
                at += 8 - at % 8;
            } else if (c >= 0x20 && c != 0x7f) {
                at++;
            }
        }
        return at;
    }
}
