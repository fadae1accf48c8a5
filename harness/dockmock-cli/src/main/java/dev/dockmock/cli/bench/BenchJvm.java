package dev.dockmock.cli.bench;

import dev.dockmock.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the bench in a child JVM whose heap is fixed and touched before anything is measured
 * ({@code -Xms} = {@code -Xmx}, {@code -XX:+AlwaysPreTouch}), the usual set-up for measuring a
 * Java server.
 *
 * <p>Why: a JVM that grows its heap during a row pays for the fresh pages the kernel hands it,
 * and on this kind of machine (a virtual machine) what that costs depended on what ran before.
 * The bench's collection between rows shrank the heap and gave pages back; WireMock's JVM took
 * gigabytes meanwhile; the next create row (the only row whose answers leave objects behind)
 * then ran about a fifth slower with twice the tail of a run without WireMock, while the minimal
 * server's rows, in the same JVM, did not move. See docs/performance.md, "Seventh pass".
 *
 * <p>The child runs the parallel collector unless this JVM's options name one: it stands for a
 * test JVM that embeds dockmock and creates containers from many threads, and under G1, whose
 * write barrier and concurrent refinement every stored container pays for, create's p99 was
 * 1.3-2x the parallel collector's here ("Eighth pass"). The report names the collector.
 */
final class BenchJvm {
    /** Set in the child to the heap it was given, so it measures instead of starting another. */
    static final String HEAP_PROPERTY = "dockmock.bench.heap";
    /** The collector the bench's child JVM runs unless told another. */
    static final String PARALLEL_COLLECTOR = "-XX:+UseParallelGC";

    private BenchJvm() {
    }

    /** The heap this JVM was started with by {@link #relaunch}, or null when it was not. */
    static String fixedHeap() {
        return System.getProperty(HEAP_PROPERTY);
    }

    /**
     * Runs {@code dockmock bench args} in a child JVM with a fixed, pre-touched heap of
     * {@code heap} (such as {@code 4g}), passing on this JVM's other options, and copies its
     * output to {@code out} and {@code err}.
     *
     * @return the child's exit code
     */
    static int relaunch(String heap, String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!sizesHeap(option) && !debugs(option) && !option.startsWith("-D" + HEAP_PROPERTY)) {
                options.add(option);
            }
        }
        if (options.stream().noneMatch(BenchJvm::choosesCollector)) {
            options.add(PARALLEL_COLLECTOR);
        }
        options.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch", "-D" + HEAP_PROPERTY + "=" + heap));
        List<String> benchArgs = new ArrayList<>(List.of("bench"));
        benchArgs.addAll(List.of(args));
        List<String> command = ChildJvm.command(options, Main.class.getName(), benchArgs);
        err.println("dockmock bench: measuring in a JVM with a fixed, pre-touched heap of " + heap
                + " (--heap 0 measures in this JVM as it is)");
        Process child = new ProcessBuilder(command).start();
        // Ctrl-C ends this JVM; the child must stop too (and stop the dockerd it started).
        Thread stopChild = new Thread(child::destroy, "bench-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        Thread copyOut = copy(child.getInputStream(), out, "bench-child-out");
        Thread copyErr = copy(child.getErrorStream(), err, "bench-child-err");
        try {
            int code = child.waitFor();
            copyOut.join();
            copyErr.join();
            return code;
        } finally {
            child.destroy();
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static boolean sizesHeap(String option) {
        return option.startsWith("-Xms") || option.startsWith("-Xmx") || option.startsWith("-XX:InitialHeapSize")
                || option.startsWith("-XX:MaxHeapSize") || option.equals("-XX:+AlwaysPreTouch")
                || option.equals("-XX:-AlwaysPreTouch");
    }

    /** {@code -XX:+UseG1GC}, {@code -XX:+UseZGC}...: the JVM refuses two collectors at once. */
    static boolean choosesCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    /** A debugger agent would try to listen on the port this JVM already holds. */
    private static boolean debugs(String option) {
        return option.startsWith("-agentlib:jdwp") || option.startsWith("-Xrunjdwp") || option.equals("-Xdebug");
    }

    private static Thread copy(InputStream from, OutputStream to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException ignored) {
                // the child is gone; what it wrote so far has been copied
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
