package dev.dockmock.cli.soak;

import dev.dockmock.cli.Flags;
import dev.dockmock.cli.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@code dockmock soak}.
 *
 * @param duration how long the load runs
 * @param clients mixed-load clients, alternating between the unix and the tcp listener
 * @param interval time between two samples: a thirtieth of the duration, between 1 and 10 s, unless given
 * @param out where soak.json and soak.svg go
 * @param plain plain progress lines even on a terminal
 * @param dockerCli whether a docker CLI client joins the load (when {@code docker} is on the PATH)
 * @param help whether {@code --help} was asked
 */
record SoakOptions(Duration duration, int clients, Duration interval, Path out, boolean plain, boolean dockerCli, boolean help) {
    static final String HELP = """
            Usage: dockmock soak [OPTIONS]

            Start an embedded engine and server (a unix socket and tcp on 127.0.0.1), drive a
            mixed load against it for a while, and check that memory, threads and file
            descriptors stay flat. Each client loops a container's whole life over a keep-alive
            connection (create, start, exec / pull / list / ping, logs, stop, wait, remove); one
            follows /events; when docker is on the PATH one more runs 'docker run --rm' and
            'docker ps'. Every few seconds the command collects garbage and samples heap after GC,
            RSS, live threads, open fds (/proc/self/fd) and the requests served.

            At the end it prints the samples and a verdict: flat (exit 0) or growing (exit 1).
            %s
            Writes OUT/soak.json (all samples) and OUT/soak.svg (a chart).

            Options:
                  --duration TIME   How long the load runs: 90, 90s, 10m, 1h (default 60s; at least 5s)
                  --clients N       Mixed-load clients, half on unix, half on tcp (default 8; 1 to 256)
                  --interval TIME   Time between samples (default a thirtieth of the duration,
                                    between 1s and 10s)
                  --out DIR         Where to write soak.json and soak.svg (default reports/soak)
                  --no-docker-cli   Leave the docker CLI out even when it is on the PATH
                  --plain           Plain progress lines even on a terminal
              -h, --help            Print this help

            Exit codes: 0 flat and every answer right, 1 growing (or too few samples to judge), a
            wrong answer, or the reports could not be written; 2 a wrong command line.
            """.formatted(FlatnessRule.LINES.stripTrailing());

    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    static SoakOptions parse(String[] args) {
        Duration duration = Duration.ofSeconds(60);
        int clients = 8;
        Duration interval = null;
        Path out = Path.of("reports", "soak");
        boolean plain = false;
        boolean dockerCli = true;
        Flags flags = new Flags(args);
        for (String flag = flags.next(); flag != null; flag = flags.next()) {
            switch (flag) {
                case "-h", "--help" -> {
                    return new SoakOptions(duration, clients, Duration.ofSeconds(1), out, plain, dockerCli, true);
                }
                case "--duration" -> duration = time(flag, flags.value());
                case "--interval" -> interval = time(flag, flags.value());
                case "--clients" -> clients = whole(flag, flags.value(), 1, 256);
                case "--out" -> out = Path.of(flags.value());
                case "--plain" -> {
                    flags.noValue();
                    plain = true;
                }
                case "--no-docker-cli" -> {
                    flags.noValue();
                    dockerCli = false;
                }
                default -> throw flags.unknown();
            }
        }
        if (!flags.operands().isEmpty()) {
            throw new UsageException("soak takes no operands, got \"" + flags.operands().get(0) + "\"");
        }
        if (duration.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new UsageException("--duration must be at least 5s, to take enough samples; got " + duration.toMillis() + "ms");
        }
        if (interval == null) {
            long millis = Math.min(10_000, Math.max(1_000, duration.toMillis() / 30));
            interval = Duration.ofMillis(millis);
        } else if (interval.toMillis() < 500 || interval.compareTo(duration.dividedBy(3)) > 0) {
            throw new UsageException("--interval must be between 500ms and a third of the duration, got " + interval.toMillis() + "ms");
        }
        return new SoakOptions(duration, clients, interval, out, plain, dockerCli, false);
    }

    /** A time such as {@code 90}, {@code 90s}, {@code 10m}, {@code 1h} or {@code 500ms}; a bare number is seconds. */
    static Duration time(String flag, String text) {
        Matcher m = TIME.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("flag " + flag + " needs a time such as 90s, 10m or 1h, not \"" + text + "\"");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = number * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1_000;
        };
        if (millis > 7 * 24 * 3_600_000.0) {
            throw new UsageException("flag " + flag + " is longer than a week: " + text);
        }
        return Duration.ofMillis(Math.round(millis));
    }

    private static int whole(String flag, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error
        }
        throw new UsageException("flag " + flag + " needs a whole number from " + min + " to " + max + ", not \"" + text + "\"");
    }
}
