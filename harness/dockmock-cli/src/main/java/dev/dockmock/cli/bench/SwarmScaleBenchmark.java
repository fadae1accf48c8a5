package dev.dockmock.cli.bench;

import static dev.dockmock.cli.bench.SwarmScaleProbes.call;
import static dev.dockmock.cli.bench.SwarmScaleProbes.measure;
import static dev.dockmock.cli.bench.SwarmScaleProbes.orchestratorCpuNanos;
import static dev.dockmock.cli.bench.SwarmScaleProbes.running;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.EngineTiming;
import dev.dockmock.engine.swarm.SwarmTiming;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a simulated swarm of many nodes and tasks behaves: one engine (a manager, drained so that
 * it runs nothing) with {@code nodes - 1} simulated workers, {@code services} replicated services
 * of {@code replicas} tasks each. Measures the time from creating the services until every task
 * runs and the CPU time the control loop spent meanwhile and spends idle afterwards, the latency of {@code GET /nodes} and {@code GET /services?status=true} over real HTTP on
 * a unix socket (median and p99 of sequential requests on one keep-alive connection), and the
 * heap in use afterwards. Setting the swarm up goes through the engine's dispatcher in memory.
 */
public final class SwarmScaleBenchmark {
    /** The section of the main bench report. */
    static final String SECTION = "swarm";
    /** States a task passes through on its way to running, each taking one step. */
    private static final int STEPS_TO_RUNNING = 7;

    private SwarmScaleBenchmark() {
    }

    /**
     * What to build and how often to ask.
     *
     * @param nodes nodes in all (one engine and {@code nodes - 1} simulated ones)
     * @param services replicated services
     * @param replicas tasks per service
     * @param timeScale the engine's time scale (0.01: dockmock's fast timing)
     * @param requests requests per measured endpoint
     */
    public record Settings(int nodes, int services, int replicas, double timeScale, int requests) {
        public Settings {
            if (nodes < 2 || services < 1 || replicas < 1 || requests < 1 || timeScale <= 0) {
                throw new IllegalArgumentException("a swarm scale benchmark needs 2+ nodes, 1+ services, replicas and requests, and a positive time scale");
            }
        }

        /** 1,000 nodes, 10 services of 1,000 tasks, fast timing, 200 requests per endpoint. */
        public static Settings standard() {
            return new Settings(1000, 10, 1000, 0.01, 200);
        }

        public int tasks() {
            return services * replicas;
        }
    }

    /**
     * Latencies of one endpoint.
     *
     * @param medianMillis the median
     * @param p99Millis the 99th percentile
     * @param bodyBytes the size of the last answer's body
     */
    public record Latency(double medianMillis, double p99Millis, long bodyBytes) {
    }

    /**
     * What one run measured.
     *
     * @param settings what was built
     * @param step how long a task spends in each state on its way to running (the configured timing)
     * @param convergeMillis from creating the services until every task runs
     * @param floorMillis the least the configured timing allows ({@code 7 * step})
     * @param nodeList {@code GET /nodes}
     * @param convergeCpuMillis CPU time the swarm's control loop used while it converged
     * @param idleCpuPercent CPU the control loop uses once converged, in percent of one core (over one second)
     * @param nodeList {@code GET /nodes}
     * @param serviceList {@code GET /services?status=true}
     * @param heapUsedBytes heap in use after a GC, the swarm still held
     */
    public record Result(Settings settings, Duration step, double convergeMillis, double floorMillis, double convergeCpuMillis,
            double idleCpuPercent, Latency nodeList, Latency serviceList, long heapUsedBytes) {

        /** The figures of the {@code swarm} section of the main bench report. */
        List<Figure> figures() {
            String size = settings.nodes() + " nodes, " + settings.tasks() + " tasks";
            return List.of(
                    Figure.of(SECTION, "converged, " + size, "dockmock", "ms", convergeMillis)
                            .withNote(String.format(Locale.ROOT, "the timing allows %.0f ms at best", floorMillis)),
                    Figure.of(SECTION, "control loop CPU while converging", "dockmock", "ms", convergeCpuMillis),
                    Figure.of(SECTION, "control loop CPU, idle", "dockmock", "%", idleCpuPercent),
                    Figure.of(SECTION, "GET /nodes (" + nodeList.bodyBytes() / 1024 + " kB), median", "dockmock", "ms",
                            nodeList.medianMillis()),
                    Figure.of(SECTION, "GET /nodes, p99", "dockmock", "ms", nodeList.p99Millis()),
                    Figure.of(SECTION, "GET /services?status=true, median", "dockmock", "ms", serviceList.medianMillis()),
                    Figure.of(SECTION, "GET /services?status=true, p99", "dockmock", "ms", serviceList.p99Millis()),
                    Figure.of(SECTION, "heap in use after GC", "dockmock", "MB", heapUsedBytes / 1024.0 / 1024.0));
        }

        /** The JSON document written to {@code swarm-scale.json}. */
        public Map<String, Object> document() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("nodes", settings.nodes());
            doc.put("services", settings.services());
            doc.put("tasks", settings.tasks());
            doc.put("timeScale", settings.timeScale());
            doc.put("stepMillis", step.toNanos() / 1e6);
            doc.put("convergeMillis", convergeMillis);
            doc.put("floorMillis", floorMillis);
            doc.put("convergeCpuMillis", convergeCpuMillis);
            doc.put("idleCpuPercent", idleCpuPercent);
            doc.put("requestsPerEndpoint", settings.requests());
            doc.put("nodeList", Map.of("medianMillis", nodeList.medianMillis(), "p99Millis", nodeList.p99Millis(),
                    "bodyBytes", nodeList.bodyBytes()));
            doc.put("serviceList", Map.of("medianMillis", serviceList.medianMillis(), "p99Millis", serviceList.p99Millis(),
                    "bodyBytes", serviceList.bodyBytes()));
            doc.put("heapUsedBytes", heapUsedBytes);
            return doc;
        }
    }

    /** Builds the swarm, measures it and tears it down. */
    public static Result run(Settings settings) throws IOException, InterruptedException {
        EngineTiming timing = new EngineTiming(settings.timeScale(), Duration.ofMillis(1));
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dmss");
        Path socket = dir.resolve("d.sock");
        try (Engine engine = Engine.create(EngineConfig.defaults().withTiming(timing));
             DockMockServer server = DockMockServer.builder().host("unix://" + socket)
                     .options(ServerOptions.defaults().withLog(line -> { })).dispatcher(engine.dispatcher()).build().start()) {
            call(engine, "POST", "/swarm/init", Map.of("ListenAddr", "0.0.0.0:2377", "AdvertiseAddr", "127.0.0.1"));
            String self = engine.swarm().nodeId();
            JsonNode node = call(engine, "GET", "/nodes/" + self, null);
            call(engine, "POST", "/nodes/" + self + "/update?version=" + node.path("Version").path("Index").asLong(),
                    Map.of("Role", "manager", "Availability", "drain"));
            engine.swarm().simulated().add(settings.nodes() - 1, "sim");

            long start = System.nanoTime();
            long cpuBefore = orchestratorCpuNanos();
            for (int i = 0; i < settings.services(); i++) {
                call(engine, "POST", "/services/create", Map.of("Name", "svc" + i,
                        "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "nginx:latest")),
                        "Mode", Map.of("Replicated", Map.of("Replicas", settings.replicas()))));
            }
            while (running(engine) < settings.tasks()) {
                // each look costs a pass over the tasks under the swarm's lock: not too often
                Thread.sleep(5);
            }
            double converge = (System.nanoTime() - start) / 1e6;
            double convergeCpu = (orchestratorCpuNanos() - cpuBefore) / 1e6;
            Thread.sleep(200);
            long idleBefore = orchestratorCpuNanos();
            long idleStart = System.nanoTime();
            Thread.sleep(1000);
            double idleCpu = 100.0 * (orchestratorCpuNanos() - idleBefore) / (System.nanoTime() - idleStart);
            Duration step = SwarmTiming.of(timing).step();
            Latency nodes;
            Latency services;
            try (UnixHttp http = UnixHttp.connect(socket)) {
                nodes = measure(http, "/v1.50/nodes", settings.requests());
                services = measure(http, "/v1.50/services?status=true", settings.requests());
            }
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long heap = runtime.totalMemory() - runtime.freeMemory();
            return new Result(settings, step, converge, STEPS_TO_RUNNING * step.toNanos() / 1e6, convergeCpu, idleCpu, nodes,
                    services, heap);
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }
}
