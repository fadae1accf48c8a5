package dev.dockmock.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A print stream whose text a test can read. */
final class Capture {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
        stream.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs {@code dockmock args...} in this JVM, for commands that end by themselves. */
    static Result main(String... args) {
        Capture out = new Capture();
        Capture err = new Capture();
        int code = Main.run(args, out.stream, err.stream);
        return new Result(code, out.text(), err.text());
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
