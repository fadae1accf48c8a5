package dev.dockmock.engine.swarm;

import dev.dockmock.engine.containers.ContainerDocuments;
import dev.dockmock.engine.containers.StreamFormat;
import dev.dockmock.engine.process.OutputLog;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.StreamSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /services/{id}/logs} and {@code GET /tasks/{id}/logs}: the output of the tasks'
 * containers, line by line, oldest first. With {@code details=true} each line carries the
 * {@code com.docker.swarm.node.id=...,com.docker.swarm.service.id=...,com.docker.swarm.task.id=...}
 * context the docker CLI reads to print {@code web.1.abc@node | line}.
 */
final class ServiceLogs {
    private static final long FOLLOW_POLL_MILLIS = 50;

    private final ClusterState cluster;

    ServiceLogs(ClusterState cluster) {
        this.cluster = cluster;
    }

    /** One task's container output. */
    private record Source(Task task, OutputLog log) {
    }

    private record Line(long order, int stream, java.time.Instant time, byte[] data) {
    }

    ApiResponse respond(ApiRequest request, Predicate<Task> which, boolean tty) {
        boolean stdout = request.query().flag("stdout", false);
        boolean stderr = request.query().flag("stderr", false);
        if (!stdout && !stderr) {
            throw new DockerException(500, "Bad parameters: you must choose at least one stream");
        }
        boolean details = request.query().flag("details", false);
        boolean timestamps = request.query().flag("timestamps", false);
        boolean follow = request.query().flag("follow", false);
        int tail = tail(request.query().first("tail").orElse("all"));
        return ApiResponse.streamed(200, StreamFormat.contentType(request, tty), sink -> {
            Map<String, Long> positions = new HashMap<>();
            List<Line> first = new ArrayList<>();
            long order = 0;
            for (Source source : sources(which)) {
                List<OutputLog.Entry> entries = source.log().all();
                positions.put(source.task().id(), source.log().end());
                int skip = tail < 0 ? 0 : Math.max(0, entries.size() - tail);
                for (OutputLog.Entry entry : entries.subList(skip, entries.size())) {
                    lines(source.task(), entry, details, timestamps, first, order++);
                }
            }
            first.sort(Comparator.comparing(Line::time).thenComparing(Line::order));
            send(sink, first, stdout, stderr, tty);
            while (follow && sink.isOpen()) {
                Thread.sleep(FOLLOW_POLL_MILLIS);
                List<Line> fresh = new ArrayList<>();
                for (Source source : sources(which)) {
                    long from = positions.getOrDefault(source.task().id(), 0L);
                    for (OutputLog.Entry entry : source.log().from(from)) {
                        lines(source.task(), entry, details, timestamps, fresh, order++);
                    }
                    positions.put(source.task().id(), source.log().end());
                }
                send(sink, fresh, stdout, stderr, tty);
            }
        });
    }

    private List<Source> sources(Predicate<Task> which) {
        synchronized (cluster.lock()) {
            List<Source> sources = new ArrayList<>();
            for (Task task : cluster.tasks.values()) {
                NodeRuntime runtime = cluster.runtimes.get(task.nodeId());
                if (which.test(task) && runtime != null && !task.status().containerId().isEmpty()) {
                    runtime.log(task.status().containerId()).ifPresent(log -> sources.add(new Source(task, log)));
                }
            }
            return sources;
        }
    }

    /** Splits an entry into lines, each with its timestamp and context in front as asked. */
    private static void lines(Task task, OutputLog.Entry entry, boolean details, boolean timestamps, List<Line> out, long order) {
        String text = new String(entry.data(), StandardCharsets.UTF_8);
        String[] parts = text.split("\n", -1);
        int count = text.endsWith("\n") ? parts.length - 1 : parts.length;
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            if (timestamps) {
                line.append(ContainerDocuments.time(entry.time())).append(' ');
            }
            if (details) {
                line.append("com.docker.swarm.node.id=").append(task.nodeId())
                        .append(",com.docker.swarm.service.id=").append(task.serviceId())
                        .append(",com.docker.swarm.task.id=").append(task.id()).append(' ');
            }
            line.append(parts[i]).append('\n');
            out.add(new Line(order, entry.stream(), entry.time(), line.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void send(StreamSink sink, List<Line> lines, boolean stdout, boolean stderr, boolean tty) throws IOException {
        for (Line line : lines) {
            if ((line.stream() == 1 && stdout) || (line.stream() == 2 && stderr)) {
                sink.send(StreamFormat.encode(line.stream(), line.data(), tty));
            }
        }
    }

    private static int tail(String text) {
        try {
            return text.isEmpty() || text.equals("all") ? -1 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
