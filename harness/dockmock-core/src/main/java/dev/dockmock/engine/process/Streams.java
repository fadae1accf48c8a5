package dev.dockmock.engine.process;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A command's stdin, stdout and stderr after redirections. */
record Streams(InputStream in, Consumer<byte[]> out, Consumer<byte[]> err) {

    static final Consumer<byte[]> DISCARD = data -> { };

    static InputStream empty() {
        return new ByteArrayInputStream(new byte[0]);
    }

    void out(String text) {
        out.accept(text.getBytes(StandardCharsets.UTF_8));
    }

    void err(String text) {
        err.accept(text.getBytes(StandardCharsets.UTF_8));
    }

    Streams withIn(InputStream stdin) {
        return new Streams(stdin, out, err);
    }

    Streams withOut(Consumer<byte[]> stdout) {
        return new Streams(in, stdout, err);
    }
}
