package dev.dockmock.cli.bench;

import dev.dockmock.cli.UsageException;
import dev.dockmock.protocol.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code dockmock bench --only swarm}: the {@link SwarmScaleBenchmark} as a section of its own,
 * with its own table and {@code OUT/swarm-scale.json}. Options: {@code --nodes N},
 * {@code --services N}, {@code --replicas N}, {@code --time-scale X}, {@code --requests N},
 * {@code --out DIR}.
 */
final class SwarmScaleSection {

    private SwarmScaleSection() {
    }

    /** Whether the command line asks for this section ({@code --only swarm} or {@code --only=swarm}). */
    static boolean wanted(String[] args) {
        List<String> list = Arrays.asList(args);
        int only = list.indexOf("--only");
        return list.contains("--only=swarm") || (only >= 0 && only + 1 < list.size() && list.get(only + 1).equals("swarm"));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        SwarmScaleBenchmark.Settings standard = SwarmScaleBenchmark.Settings.standard();
        int nodes = standard.nodes();
        int services = standard.services();
        int replicas = standard.replicas();
        double scale = standard.timeScale();
        int requests = standard.requests();
        Path dir = Path.of("reports", "bench");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.length ? args[i + 1] : null;
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!arg.contains("=") && flag.startsWith("--")) {
                i++;
            }
            if (value == null) {
                throw new UsageException("flag " + flag + " needs a value");
            }
            switch (flag) {
                case "--only" -> { }
                case "--nodes" -> nodes = whole(flag, value);
                case "--services" -> services = whole(flag, value);
                case "--replicas" -> replicas = whole(flag, value);
                case "--requests" -> requests = whole(flag, value);
                case "--time-scale" -> scale = fraction(flag, value);
                case "--out" -> dir = Path.of(value);
                default -> throw new UsageException("unknown option \"" + arg + "\" for --only swarm");
            }
        }
        SwarmScaleBenchmark.Result result;
        try {
            err.println("dockmock bench: building a swarm of " + nodes + " nodes and " + services * replicas + " tasks");
            result = SwarmScaleBenchmark.run(new SwarmScaleBenchmark.Settings(nodes, services, replicas, scale, requests));
        } catch (IOException | RuntimeException e) {
            err.println("dockmock bench: swarm scale: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        print(result, out);
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("swarm-scale.json");
            Files.write(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(result.document()));
            out.println();
            out.println("Wrote " + json);
        } catch (IOException e) {
            err.println("dockmock bench: cannot write " + dir.resolve("swarm-scale.json") + ": " + e);
            return 1;
        }
        out.flush();
        return 0;
    }

    static void print(SwarmScaleBenchmark.Result result, PrintStream out) {
        out.println("Swarm scale: " + result.settings().nodes() + " nodes (" + (result.settings().nodes() - 1) + " simulated), "
                + result.settings().services() + " services, " + result.settings().tasks() + " tasks, time scale "
                + result.settings().timeScale());
        out.printf("  %-34s %10s %10s%n", "", "median ms", "p99 ms");
        out.printf("  %-34s %10.2f %10.2f%n", "GET /nodes (" + result.nodeList().bodyBytes() / 1024 + " kB)",
                result.nodeList().medianMillis(), result.nodeList().p99Millis());
        out.printf("  %-34s %10.2f %10.2f%n", "GET /services?status=true", result.serviceList().medianMillis(),
                result.serviceList().p99Millis());
        out.printf("  converged in %.0f ms (the timing allows %.0f ms at best: 7 steps of %.0f ms)%n", result.convergeMillis(),
                result.floorMillis(), result.step().toNanos() / 1e6);
        out.printf("  control loop CPU: %.0f ms while converging, %.1f %% of a core idle%n", result.convergeCpuMillis(),
                result.idleCpuPercent());
        out.printf("  heap in use: %.1f MB%n", result.heapUsedBytes() / 1024.0 / 1024.0);
    }

    private static int whole(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("flag " + flag + " needs a whole number, not \"" + value + "\"");
        }
    }

    private static double fraction(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("flag " + flag + " needs a number, not \"" + value + "\"");
        }
    }
}
