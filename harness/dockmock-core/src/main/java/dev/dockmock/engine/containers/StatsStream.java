package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /containers/{id}/stats}: plausible resource figures, one document (with
 * {@code stream=false}) or one a second while the container runs, as dockerd sends them.
 */
final class StatsStream {
    private static final long MEMORY_LIMIT = 8L * 1024 * 1024 * 1024;

    private final EngineContext context;
    private final Containers containers;

    StatsStream(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
    }

    ApiResponse respond(ApiRequest request, String id) {
        Container c;
        synchronized (context.lock()) {
            c = containers.get(id);
        }
        boolean stream = request.query().flag("stream", true) && !request.query().flag("one-shot", false);
        Container container = c;
        return ApiResponse.streamed(200, ApiResponse.JSON, sink -> {
            long tick = 0;
            Instant previous = null;
            do {
                Instant now = context.clock().instant();
                sink.send(Json.line(document(container, now, previous, tick)));
                previous = now;
                tick++;
                if (stream) {
                    Thread.sleep(1000);
                }
            } while (stream && sink.isOpen() && !container.removed() && container.status().isUp());
        });
    }

    private Map<String, Object> document(Container c, Instant now, Instant previous, long tick) {
        boolean up = c.status().isUp();
        long cpu = up ? 1_000_000L * (tick + 1) * 7 : 0;
        long system = up ? 1_000_000_000L * (tick + 1) * 2 : 0;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", "/" + c.name());
        doc.put("id", c.id());
        doc.put("read", up ? ContainerDocuments.time(now) : "0001-01-01T00:00:00Z");
        doc.put("preread", previous == null ? "0001-01-01T00:00:00Z" : ContainerDocuments.time(previous));
        doc.put("pids_stats", up ? Map.of("current", 1, "limit", 4096) : Map.of());
        doc.put("blkio_stats", Map.of("io_service_bytes_recursive", List.of()));
        doc.put("num_procs", 0);
        doc.put("storage_stats", Map.of());
        doc.put("cpu_stats", cpu(cpu, system, up));
        doc.put("precpu_stats", tick == 0 ? Map.of("cpu_usage", Map.of("total_usage", 0, "usage_in_kernelmode", 0,
                "usage_in_usermode", 0), "throttling_data", throttling()) : cpu(cpu - 7_000_000L, system - 2_000_000_000L, up));
        doc.put("memory_stats", up ? Map.of("usage", 2_310_144L, "stats", Map.of("anon", 1_052_672L, "file", 8192L,
                "inactive_file", 0L, "active_file", 8192L), "limit", MEMORY_LIMIT) : Map.of());
        if (up && c.spec().networkMode().equals("bridge")) {
            doc.put("networks", Map.of("eth0", Map.of("rx_bytes", 1096, "rx_packets", 14, "rx_errors", 0, "rx_dropped", 0,
                    "tx_bytes", 0, "tx_packets", 0, "tx_errors", 0, "tx_dropped", 0)));
        }
        return doc;
    }

    private static Map<String, Object> cpu(long total, long system, boolean up) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("cpu_usage", Map.of("total_usage", total, "usage_in_kernelmode", total / 3, "usage_in_usermode", total - total / 3));
        if (up) {
            stats.put("system_cpu_usage", system);
            stats.put("online_cpus", Runtime.getRuntime().availableProcessors());
        }
        stats.put("throttling_data", throttling());
        return stats;
    }

    private static Map<String, Object> throttling() {
        return Map.of("periods", 0, "throttled_periods", 0, "throttled_time", 0);
    }
}
