package dev.dockmock.cli.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where and when a bench ran: the figures mean little without the JVM and machine beside them.
 *
 * @param time when the run started, to the second
 * @param javaVersion {@code java.version} of the running JVM
 * @param javaRuntime {@code java.vm.name} and vendor
 * @param os operating system name, version and architecture
 * @param cpus processors available to the JVM
 * @param virtualThreads whether this JVM has virtual threads, which dockmock then uses for its
 *     connections (the load generator and the reference use platform threads either way)
 * @param heap the measuring JVM's heap: fixed and pre-touched by {@link BenchJvm}, or as this JVM was started
 * @param collector the measuring JVM's garbage collectors, as it names them
 */
record BenchEnvironment(Instant time, String javaVersion, String javaRuntime, String os, int cpus, boolean virtualThreads,
        String heap, String collector) {

    static BenchEnvironment current() {
        boolean virtual;
        try {
            Thread.class.getMethod("ofVirtual");
            virtual = true;
        } catch (NoSuchMethodException e) {
            virtual = false;
        }
        return new BenchEnvironment(Instant.now().truncatedTo(ChronoUnit.SECONDS), System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), virtual, measuringHeap(), collectors());
    }

    private static String measuringHeap() {
        String fixed = BenchJvm.fixedHeap();
        return fixed != null ? "fixed at " + fixed + ", pre-touched"
                : "as started (up to " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)";
    }

    private static String collectors() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(collector.getName());
        }
        return String.join(", ", names);
    }

    String describe(BenchOptions options) {
        return "dockmock bench " + time + ": " + options.connections() + " connections, "
                + seconds(options.warmup().toMillis()) + " s warm-up + " + seconds(options.duration().toMillis())
                + " s measured, " + options.runs() + (options.runs() == 1 ? " run" : " runs")
                + (options.warmupRuns() == 0 ? "" : " after " + options.warmupRuns() + " not counted") + "\n"
                + "Java " + javaVersion + ", " + javaRuntime + ", " + cpus + " CPUs, " + os + "; dockmock connections on "
                + (virtualThreads ? "virtual" : "platform") + " threads; heap " + heap + "; collector " + collector;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
    }
}
