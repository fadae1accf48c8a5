package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/**
 * busybox {@code timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS} and {@code usleep N}. The
 * program runs on a thread of its own; when the time is up it is interrupted (the simulated
 * processes end on an interrupt as on a signal) and the status is the signal's, {@code 128+SIG}
 * (143 for TERM), as busybox's timeout execs the program and its watcher kills it.
 */
final class TimeoutApplet {
    private static final String USAGE = "timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS";

    private TimeoutApplet() {
    }

    static int run(ProcessIo io, CommandTable commands) throws InterruptedException {
        List<String> args = io.argv();
        int signal = Signals.SIGTERM;
        double killAfter = 1;
        int i = 1;
        // options end at the first operand: the program's own options are its own
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String option = args.get(i);
            String value = option.length() > 2 ? option.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null || option.charAt(1) != 's' && option.charAt(1) != 'k') {
                io.stderr(value == null ? "timeout: option requires an argument -- '" + option.charAt(1) + "'\n"
                        : "timeout: invalid option -- '" + option.charAt(1) + "'\n");
                return FileApplets.usage(io, USAGE);
            }
            if (option.charAt(1) == 's') {
                try {
                    signal = Signals.parse(value);
                } catch (IllegalArgumentException e) {
                    io.stderr("timeout: unknown signal '" + value + "'\n");
                    return 1;
                }
            } else if ((killAfter = seconds(value)) < 0) {
                return invalid(io, "timeout", value);
            }
        }
        if (args.size() - i < 2) {
            return FileApplets.usage(io, USAGE);
        }
        double limit = seconds(args.get(i));
        if (limit < 0) {
            return invalid(io, "timeout", args.get(i));
        }
        List<String> command = args.subList(i + 1, args.size());
        Optional<Behaviour> program = commands.find(command);
        if (program.isEmpty()) {
            io.stderr("timeout: can't execute '" + command.get(0) + "': No such file or directory\n");
            return 127;
        }
        int[] status = {0};
        Thread child = new Thread(() -> {
            try {
                status[0] = program.get().run(new CommandIo(command, io.env(), io.hostname(), io.workingDir(), io.stdin(),
                        io::stdout, io::stderr, io.network(), io.files(), io.processes()));
            } catch (InterruptedException e) {
                status[0] = -1;
            }
        }, "dockmock-timeout");
        child.setDaemon(true);
        child.start();
        try {
            child.join(millis(limit));
        } catch (InterruptedException e) {
            child.interrupt();
            throw e;
        }
        if (!child.isAlive() && status[0] >= 0) {
            return status[0];
        }
        child.interrupt();
        // a program that outlives the signal is killed after KILL_SECS, as busybox's -k does
        child.join(millis(killAfter));
        return 128 + (child.isAlive() ? Signals.SIGKILL : signal);
    }

    /** {@code usleep N}: N microseconds. */
    static int usleep(ProcessIo io) throws InterruptedException {
        if (io.argv().size() < 2) {
            return FileApplets.usage(io, "usleep N");
        }
        String micros = io.argv().get(1);
        if (!micros.matches("\\d{1,12}")) {
            return invalid(io, "usleep", micros);
        }
        long value = Long.parseLong(micros);
        Thread.sleep(value / 1000, (int) (value % 1000) * 1000);
        return 0;
    }

    /** {@code N[smhd]} with fractions, as sleep reads it; -1 when it is no such number. */
    private static double seconds(String text) {
        String number = text.matches(".*[smhd]") ? text.substring(0, text.length() - 1) : text;
        if (!number.matches("\\d+\\.?\\d*|\\.\\d+")) {
            return -1;
        }
        double factor = switch (text.charAt(text.length() - 1)) {
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> 1;
        };
        return Double.parseDouble(number) * factor;
    }

    private static long millis(double seconds) {
        return Math.max(1, (long) Math.ceil(seconds * 1000));
    }

    private static int invalid(ProcessIo io, String name, String value) {
        io.stderr(name + ": invalid number '" + value + "'\n");
        return 1;
    }
}
