package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.OutputLog;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** {@code GET /containers/{id}/logs}: stdout/stderr, since, until, tail, timestamps, follow. */
final class LogStream {
    private final EngineContext context;
    private final Containers containers;

    LogStream(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
    }

    ApiResponse respond(ApiRequest request, String id) {
        boolean stdout = request.query().flag("stdout", false);
        boolean stderr = request.query().flag("stderr", false);
        if (!stdout && !stderr) {
            throw new DockerException(400, "Bad parameters: you must choose at least one stream");
        }
        boolean follow = request.query().flag("follow", false);
        boolean timestamps = request.query().flag("timestamps", false);
        Instant since = time(request.query().first("since").orElse(""));
        Instant until = time(request.query().first("until").orElse(""));
        int tail = tail(request.query().first("tail").orElse("all"));
        Container container;
        synchronized (context.lock()) {
            container = containers.get(id);
        }
        boolean tty = container.spec().tty();
        OutputLog log = container.log();
        return ApiResponse.streamed(200, StreamFormat.contentType(request, tty), sink -> {
            List<OutputLog.Entry> entries = log.all();
            long next = log.end();
            int generation = log.generation();
            int skip = tail < 0 ? 0 : Math.max(0, entries.size() - tail);
            for (int i = skip; i < entries.size(); i++) {
                send(sink, entries.get(i), stdout, stderr, timestamps, since, until, tty);
            }
            if (!follow || (until != null && until.isBefore(Instant.now()))) {
                return;
            }
            while (log.awaitRun(next, generation) && sink.isOpen()) {
                for (OutputLog.Entry entry : log.from(next)) {
                    next++;
                    send(sink, entry, stdout, stderr, timestamps, since, until, tty);
                }
            }
        });
    }

    private static void send(dev.dockmock.protocol.StreamSink sink, OutputLog.Entry entry, boolean stdout, boolean stderr,
            boolean timestamps, Instant since, Instant until, boolean tty) throws java.io.IOException {
        if ((entry.stream() == 1 && !stdout) || (entry.stream() == 2 && !stderr)) {
            return;
        }
        if ((since != null && entry.time().isBefore(since)) || (until != null && entry.time().isAfter(until))) {
            return;
        }
        byte[] data = entry.data();
        if (timestamps) {
            byte[] stamp = (ContainerDocuments.time(entry.time()) + " ").getBytes(StandardCharsets.UTF_8);
            byte[] stamped = new byte[stamp.length + data.length];
            System.arraycopy(stamp, 0, stamped, 0, stamp.length);
            System.arraycopy(data, 0, stamped, stamp.length, data.length);
            data = stamped;
        }
        sink.send(StreamFormat.encode(entry.stream(), data, tty));
    }

    private static int tail(String text) {
        if (text.isEmpty() || text.equals("all")) {
            return -1;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Docker's time parameters: unix seconds with optional fraction, or RFC 3339. */
    static Instant time(String text) {
        if (text.isEmpty() || text.equals("0")) {
            return null;
        }
        try {
            if (text.matches("-?\\d+(\\.\\d+)?")) {
                double seconds = Double.parseDouble(text);
                long whole = (long) Math.floor(seconds);
                return Instant.ofEpochSecond(whole, (long) ((seconds - whole) * 1e9));
            }
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new DockerException(400, "invalid value for time: " + text);
        }
    }
}
