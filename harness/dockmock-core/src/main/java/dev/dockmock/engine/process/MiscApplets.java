package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/** {@code sleep}, {@code nc} and {@code busybox} itself. */
final class MiscApplets {

    private MiscApplets() {
    }

    /**
     * {@code sleep N[smhd]...} in real time (fractions allowed, {@code inf}/{@code infinity} waits
     * until interrupted). The arguments add up, as busybox's do.
     */
    static int sleep(ProcessIo io) throws InterruptedException {
        List<String> args = io.argv().subList(1, io.argv().size());
        if (args.isEmpty()) {
            io.stderr("Usage: sleep [N]...\n");
            return 1;
        }
        double seconds = 0;
        for (String arg : args) {
            if (arg.equals("inf") || arg.equals("infinity")) {
                seconds = Double.POSITIVE_INFINITY;
                continue;
            }
            double factor = switch (arg.isEmpty() ? ' ' : arg.charAt(arg.length() - 1)) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 1;
            };
            String number = arg.matches(".*[smhd]") ? arg.substring(0, arg.length() - 1) : arg;
            try {
                if (!number.matches("[0-9]*\\.?[0-9]*") || number.equals(".") || number.isEmpty()) {
                    throw new NumberFormatException(number);
                }
                seconds += Double.parseDouble(number) * factor;
            } catch (NumberFormatException e) {
                io.stderr("sleep: invalid number '" + arg + "'\n");
                return 1;
            }
        }
        if (Double.isInfinite(seconds)) {
            while (true) {
                Thread.sleep(Long.MAX_VALUE);
            }
        }
        long nanos = (long) (seconds * 1e9);
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        return 0;
    }

    /**
     * {@code nc}: {@code -z} succeeds on a port the process can reach ({@link ProcessNetwork}: its
     * container's, or another container's on a shared network); else connecting fails with 1
     * (quietly unless {@code -vv}; an unknown host says {@code bad address});
     * {@code nc -l} listens until interrupted.
     */
    static int nc(ProcessIo io) throws InterruptedException {
        List<String> args = io.argv().subList(1, io.argv().size());
        String flags = String.join("", args.stream().filter(a -> a.startsWith("-")).toList());
        if (flags.contains("l")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        List<String> operands = FileOperands.operands(io.argv(), List.of("-w", "-W", "-i", "-p", "-s", "-q"));
        if (operands.isEmpty()) {
            io.stderr("Usage: nc [OPTIONS] HOST PORT\n");
            return 1;
        }
        String host = operands.get(0);
        String port = operands.size() > 1 ? operands.get(1) : "0";
        ProcessNetwork.Reach reach = io.network().connect(host, port.matches("\\d{1,5}") ? Integer.parseInt(port) : 0);
        if (reach instanceof ProcessNetwork.Reach.Unresolved) {
            io.stderr("nc: bad address '" + host + "'\n");
            return 1;
        }
        String address = reach instanceof ProcessNetwork.Reach.Answered answered ? answered.address()
                : ((ProcessNetwork.Reach.Refused) reach).address();
        if (flags.contains("z") && port.matches("\\d{1,5}") && reach instanceof ProcessNetwork.Reach.Answered) {
            if (flags.contains("v")) {
                io.stderr(host + " (" + address + ":" + port + ") open\n");
            }
            return 0;
        }
        // busybox nc reports a refused connection only when twice verbose.
        if (flags.chars().filter(c -> c == 'v').count() > 1) {
            io.stderr("nc: " + host + " (" + address + ":" + port + "): Connection refused\n");
        }
        return 1;
    }

    /**
     * {@code busybox APPLET [ARG]...} runs the applet; {@code busybox} alone names itself;
     * {@code busybox --list} names every applet, one a line, sorted.
     */
    static int busybox(ProcessIo io, CommandTable commands) throws InterruptedException {
        List<String> argv = io.argv();
        if (argv.size() == 1) {
            io.stdout("BusyBox v1.36.1 (dockmock) multi-call binary.\n");
            return 0;
        }
        if (argv.get(1).equals("--list")) {
            io.stdout(String.join("\n", Applets.names()) + "\n");
            return 0;
        }
        List<String> command = argv.subList(1, argv.size());
        Optional<Behaviour> applet = command.get(0).contains("/") ? Optional.empty() : commands.applet(command.get(0));
        if (applet.isEmpty()) {
            io.stderr(command.get(0) + ": applet not found\n");
            return 127;
        }
        return applet.get().run(new CommandIo(command, io.env(), io.hostname(), io.workingDir(), io.stdin(),
                io::stdout, io::stderr, io.network(), io.files(), io.processes()));
    }
}
