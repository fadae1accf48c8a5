package dev.dockmock.engine.build;

import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.StreamSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic builder's output stream: {@code {"stream": ...}} text, pull {@code status}
 * messages, {@code {"aux": {"ID": ...}}} and in-band errors. Quiet builds ({@code q=1}) hold the
 * text back, send only the image id at the end, and let it all out if the build fails, as
 * dockerd does.
 */
final class BuildOutput {
    private final StreamSink sink;
    private final boolean quiet;
    private final List<byte[]> held = new ArrayList<>();

    BuildOutput(StreamSink sink, boolean quiet) {
        this.sink = sink;
        this.quiet = quiet;
    }

    void stream(String text) {
        emit(Map.of("stream", text), quiet);
    }

    void status(Map<String, Object> message) {
        emit(message, quiet);
    }

    void aux(String imageId) {
        emit(Map.of("aux", Map.of("ID", imageId)), false);
    }

    /** The end of a quiet build: the image id on its own line. */
    void quietResult(String imageId) {
        if (quiet) {
            emit(Map.of("stream", imageId + "\n"), false);
        }
    }

    /** A failed build: what was held back, then the error with its exit code. */
    void error(String message, int code) {
        held.forEach(this::send);
        held.clear();
        Map<String, Object> detail = new LinkedHashMap<>();
        if (code != 0) {
            detail.put("code", code);
        }
        detail.put("message", message);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorDetail", detail);
        error.put("error", message);
        emit(error, false);
    }

    private void emit(Map<String, Object> message, boolean hold) {
        byte[] line = Json.line(message);
        if (hold) {
            held.add(line);
        } else {
            send(line);
        }
    }

    private void send(byte[] line) {
        try {
            sink.send(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
