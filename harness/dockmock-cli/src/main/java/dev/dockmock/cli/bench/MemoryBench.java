package dev.dockmock.cli.bench;

import dev.dockmock.cli.Main;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory: resident size of a standalone {@code dockmock serve} (a JVM of its own, default JVM
 * options, as the launcher starts it) idle, right after a load, and holding {@code containers}
 * containers; and the heap of an embedded engine in this JVM, measured after a GC, the same three
 * ways. WireMock's resident size is added by the command from its own child.
 */
final class MemoryBench {
    static final String SECTION = "memory";

    private MemoryBench() {
    }

    static List<Figure> standalone(int containers, BenchOptions options) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "dmbm");
        Path socket = directory.resolve("s.sock");
        List<Figure> figures = new ArrayList<>();
        try (ChildJvm child = ChildJvm.start("dockmock serve", Main.class.getName(),
                List.of("serve", "-H", "unix://" + socket, "--no-fixtures"), directory.resolve("serve.log"))) {
            UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
            Endpoint ping = Endpoint.get(BenchEngine.API + "/_ping");
            child.awaitReady(address, ping.request());
            Thread.sleep(1_000);
            figures.add(mb("resident, idle (dockmock serve)", Row.DOCKMOCK, child.residentBytes()));
            // Twice: a heap that grows with the requests served (an unbounded journal) shows as a second rise.
            for (String which : List.of("after", "after another")) {
                Measurement load = LoadGenerator.run(address, ping.request(), options.connections(), Duration.ZERO,
                        options.duration());
                figures.add(mb("resident, " + which + " " + options.duration().toSeconds() + " s of /_ping load", Row.DOCKMOCK,
                        child.residentBytes()).withNote(Math.round(load.requestsPerSecond()) + " req/s"));
            }
            // --no-fixtures starts without images: pull alpine from the catalogue first, as a user would.
            Probe.millis(address, ("POST " + BenchEngine.API + "/images/create?fromImage=alpine&tag=latest HTTP/1.1\r\n"
                    + "Host: docker\r\nContent-Length: 0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1);
            Probe.millis(address, Endpoint.postJson(BenchEngine.API + "/containers/create", BenchEngine.CREATE_BODY).request(),
                    containers);
            figures.add(mb("resident, with " + containers + " containers", Row.DOCKMOCK, child.residentBytes()));
        } finally {
            Files.deleteIfExists(socket);
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
        return figures;
    }

    /**
     * Heap of an embedded engine and server over this JVM's baseline: idle after a GC; the peak
     * while serving a {@code /_ping} load (garbage included, sampled every 10 ms); holding
     * {@code containers} containers after a GC.
     */
    static List<Figure> embeddedHeap(int containers, BenchOptions options) throws IOException, InterruptedException {
        long before = usedAfterGc();
        List<Figure> figures = new ArrayList<>();
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "dmbh");
        Path socket = directory.resolve("h.sock");
        try (var engine = BenchEngine.create();
                var server = dev.dockmock.server.DockMockServer.builder().host("unix://" + socket)
                        .options(dev.dockmock.server.ServerOptions.defaults().withLog(line -> { }))
                        .dispatcher(engine.dispatcher()).build().start()) {
            figures.add(Figure.of(SECTION, "heap, embedded engine and server, idle", Row.DOCKMOCK, "MB",
                    (usedAfterGc() - before) / 1e6));
            long[] peak = {0};
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak[0] = Math.max(peak[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            sampler.start();
            Measurement load = LoadGenerator.run(UnixDomainSocketAddress.of(socket),
                    Endpoint.get(BenchEngine.API + "/_ping").request(), options.connections(), Duration.ZERO, options.duration());
            sampler.interrupt();
            sampler.join();
            figures.add(Figure.of(SECTION, "heap, embedded, peak under /_ping load (garbage included)", Row.DOCKMOCK, "MB",
                    (peak[0] - before) / 1e6).withNote(Math.round(load.requestsPerSecond()) + " req/s"));
            BenchEngine.populate(engine.dispatcher(), "heap", containers, false);
            figures.add(Figure.of(SECTION, "heap, embedded engine with " + containers + " containers", Row.DOCKMOCK, "MB",
                    (usedAfterGc() - before) / 1e6));
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(directory);
        }
        return figures;
    }

    static Figure mb(String name, String target, long bytes) {
        return bytes < 0 ? Figure.missing(SECTION, name, target, "MB", "no /proc here")
                : Figure.of(SECTION, name, target, "MB", bytes / 1e6);
    }

    static long usedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
