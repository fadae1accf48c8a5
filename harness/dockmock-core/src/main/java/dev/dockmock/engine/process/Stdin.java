package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a process's stdin so that an interrupt (the engine killing the process) ends the read
 * with {@link InterruptedException}. A stream that fails is taken as ended, as a read error on a
 * closed attach connection would be.
 */
final class Stdin {

    private Stdin() {
    }

    /**
     * The lines of a text without their newlines, as line-oriented applets read them: a final
     * newline ends the last line instead of starting an empty one. The list can be changed.
     */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Reads into {@code buffer}; -1 at the end. */
    static int read(InputStream in, byte[] buffer) throws InterruptedException {
        interruptible();
        int count;
        try {
            count = in.read(buffer);
        } catch (InterruptedIOException e) {
            Thread.interrupted();
            throw new InterruptedException();
        } catch (IOException e) {
            count = -1;
        }
        interruptible();
        return count;
    }

    /**
     * One line including its newline, read a byte at a time so that what follows stays for the
     * next reader, as a shell reading a pipe does; {@code null} at the end.
     */
    static String readLine(InputStream in) throws InterruptedException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] one = new byte[1];
        while (true) {
            int count = read(in, one);
            if (count < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (count == 0) {
                continue;
            }
            line.write(one[0]);
            if (one[0] == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** Copies stdin to {@code sink} as it arrives. */
    static void copy(InputStream in, Consumer<byte[]> sink) throws InterruptedException {
        byte[] buffer = new byte[8192];
        for (int count = read(in, buffer); count >= 0; count = read(in, buffer)) {
            if (count > 0) {
                sink.accept(Arrays.copyOf(buffer, count));
            }
        }
    }

    static byte[] readAll(InputStream in) throws InterruptedException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        copy(in, all::writeBytes);
        return all.toByteArray();
    }

    static void interruptible() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
