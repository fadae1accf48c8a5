package dev.dockmock.cli.bench;

import dev.dockmock.cli.UsageException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@code dockmock bench}.
 *
 * @param connections keep-alive connections per measurement
 * @param duration the measured phase of each measurement
 * @param warmup the phase before it, whose responses are not counted
 * @param runs how often each row is measured; the median is reported
 * @param out the directory the reports are written to
 * @param help whether {@code --help} was asked
 */
record BenchOptions(int connections, Duration duration, Duration warmup, int runs, Path out, boolean help) {

    static final String HELP = """
            Usage: dockmock bench [OPTIONS]

            Measure requests per second and p50/p99 latency of dockmock over tcp and unix, for
            GET /_ping and a ~15 kB JSON answer, beside the JDK's HttpServer answering the same
            bytes over tcp in the same run. Prints a table; writes OUT/bench-<time>.json,
            OUT/latest.json and OUT/latest.svg.

            Options:
                  --connections N     Keep-alive connections per measurement (default 16)
                  --duration SECONDS  Measured time per measurement (default 5)
                  --warmup SECONDS    Unmeasured time before it (default 2)
                  --runs N            Measure every row N times, report median and min-max (default 3)
                  --out DIR           Where to write the reports (default reports/bench)
                  --quick             1 s measured, 1 s warm-up, 1 run (other options still apply)
              -h, --help              Print this help

            Exit codes: 0 when every measurement succeeded, 1 when one failed, 2 for a wrong command line.
            """;

    static BenchOptions parse(String[] args) {
        Integer connections = null;
        Double duration = null;
        Double warmup = null;
        Integer runs = null;
        Path out = Path.of("reports", "bench");
        boolean quick = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "--quick" -> quick = true;
                case "--connections" -> connections = (int) number(arg, value != null ? value : next(args, ++i, arg), 1, 1024, false);
                case "--duration" -> duration = number(arg, value != null ? value : next(args, ++i, arg), 0.1, 3600, true);
                case "--warmup" -> warmup = number(arg, value != null ? value : next(args, ++i, arg), 0, 3600, true);
                case "--runs" -> runs = (int) number(arg, value != null ? value : next(args, ++i, arg), 1, 100, false);
                case "--out" -> out = Path.of(value != null ? value : next(args, ++i, arg));
                default -> throw new UsageException("unknown option \"" + args[i] + "\"");
            }
        }
        return new BenchOptions(
                connections != null ? connections : 16,
                seconds(duration != null ? duration : quick ? 1 : 5),
                seconds(warmup != null ? warmup : quick ? 1 : 2),
                runs != null ? runs : quick ? 1 : 3,
                out, help);
    }

    private static double number(String flag, String text, double min, double max, boolean fraction) {
        double value;
        try {
            value = fraction ? Double.parseDouble(text) : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException("flag " + flag + " needs " + (fraction ? "a number" : "a whole number") + ", not \"" + text + "\"");
        }
        if (!(value >= min && value <= max)) {
            throw new UsageException("flag " + flag + " must be between " + format(min) + " and " + format(max) + ", not " + text);
        }
        return value;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static String next(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new UsageException("flag " + flag + " needs a value");
        }
        return args[index];
    }
}
