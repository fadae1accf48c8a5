package dev.dockmock.engine.images;

import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.StreamSink;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The newline-delimited JSON progress of a pull, shaped as dockerd writes it. */
final class PullStream {
    private final StreamSink sink;
    private final Duration step;

    PullStream(StreamSink sink, Duration step) {
        this.sink = sink;
        this.step = step;
    }

    void status(String status) throws IOException {
        sink.send(Json.line(Map.of("status", status)));
    }

    void status(String status, String id) throws IOException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("status", status);
        message.put("id", id);
        sink.send(Json.line(message));
    }

    /** A layer's whole journey: pulling, downloading in steps, verifying, extracting, complete. */
    void layer(String layer, long size, int steps) throws IOException, InterruptedException {
        detail("Pulling fs layer", layer, null);
        detail("Waiting", layer, null);
        for (int i = 1; i <= steps; i++) {
            pause();
            detail("Downloading", layer, new long[] {size * i / steps, size});
        }
        detail("Verifying Checksum", layer, null);
        detail("Download complete", layer, null);
        for (int i = 1; i <= steps; i++) {
            pause();
            detail("Extracting", layer, new long[] {size * i / steps, size});
        }
        detail("Pull complete", layer, null);
    }

    /** A layer that fails mid-download: progress, then dockerd's in-band error. */
    void failingLayer(String layer, long size, String error) throws IOException, InterruptedException {
        detail("Pulling fs layer", layer, null);
        for (int i = 1; i <= 2; i++) {
            pause();
            detail("Downloading", layer, new long[] {size * i / 4, size});
        }
        error(error);
    }

    void error(String error) throws IOException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("errorDetail", Map.of("message", error));
        message.put("error", error);
        sink.send(Json.line(message));
    }

    private void detail(String status, String id, long[] progress) throws IOException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("status", status);
        message.put("progressDetail", progress == null ? Map.of() : Map.of("current", progress[0], "total", progress[1]));
        if (progress != null) {
            message.put("progress", bar(progress[0], progress[1]));
        }
        message.put("id", id);
        sink.send(Json.line(message));
    }

    private void pause() throws InterruptedException {
        if (!step.isZero()) {
            Thread.sleep(step.toMillis());
        }
    }

    /** The CLI-style progress bar that dockerd puts in {@code progress}. */
    static String bar(long current, long total) {
        int width = 50;
        int filled = total <= 0 ? 0 : (int) (width * current / total);
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i < width; i++) {
            bar.append(i < filled - 1 ? '=' : i == filled - 1 ? (filled == width ? '=' : '>') : ' ');
        }
        return bar.append("] ").append(bytes(current)).append('/').append(bytes(total)).toString();
    }

    static String bytes(long n) {
        if (n < 1000) {
            return n + "B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = n;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.3g%s", value, units[unit]);
    }
}
