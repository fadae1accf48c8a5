package dev.dockmock.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.Engine;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * What {@link SwarmScaleBenchmark} asks and measures: engine calls in memory, the running task
 * count, the control loop's CPU time, and an endpoint's latency over HTTP.
 */
final class SwarmScaleProbes {

    private SwarmScaleProbes() {
    }

    /** CPU time of the swarm's control loop thread so far. */
    static long orchestratorCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("dockmock-swarm-orchestrator")) {
                sum += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return sum;
    }

    /** Median and p99 of sequential {@code GET target} on one keep-alive connection, after a warm-up. */
    static SwarmScaleBenchmark.Latency measure(UnixHttp http, String target, int requests) throws IOException {
        long[] nanos = new long[requests];
        long size = 0;
        for (int i = 0; i < 3; i++) {
            http.get(target);   // warm-up: the JIT, the connection
        }
        for (int i = 0; i < requests; i++) {
            long begin = System.nanoTime();
            size = http.get(target);
            nanos[i] = System.nanoTime() - begin;
        }
        Arrays.sort(nanos);
        return new SwarmScaleBenchmark.Latency(nanos[requests / 2] / 1e6, nanos[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6, size);
    }

    /** Tasks running in all, as {@code GET /services?status=true} counts them. */
    static long running(Engine engine) {
        long sum = 0;
        for (JsonNode service : call(engine, "GET", "/services?status=true", null)) {
            sum += service.path("ServiceStatus").path("RunningTasks").asLong();
        }
        return sum;
    }

    /** A request to the engine's dispatcher in memory; its JSON answer, or an exception for an error status. */
    static JsonNode call(Engine engine, String method, String path, Object body) {
        ApiRequest request = body == null ? ApiRequest.of(method, path)
                : ApiRequest.of(method, path, Headers.of("Content-Type", "application/json"), Json.bytes(body), ClientInfo.inMemory());
        ApiResponse response = engine.dispatcher().dispatch(request);
        byte[] data = response.body() instanceof ResponseBody.Bytes bytes ? bytes.data() : new byte[0];
        if (response.status() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": " + new String(data));
        }
        return data.length == 0 ? Json.mapper().nullNode() : Json.parse(data);
    }
}
