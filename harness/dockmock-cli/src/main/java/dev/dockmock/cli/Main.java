package dev.dockmock.cli;

import dev.dockmock.cli.bench.BenchCommand;
import dev.dockmock.cli.soak.SoakCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** The {@code dockmock} command: {@code serve}, {@code record}, {@code replay}, ... Exit codes: 0 ok, 1 failure, 2 usage. */
public final class Main {
    /** Exit code for a wrong command line. */
    public static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != Command.KEEP_RUNNING) {
            System.exit(code);
        }
        // A server is running on daemon threads; its shutdown hook ends it on Ctrl-C or SIGTERM.
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a command line; returns its exit code, or {@link Command#KEEP_RUNNING} for a server left running. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(commands, args.length == 0 ? err : out);
            return args.length == 0 ? USAGE : 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("dockmock: unknown command \"" + args[0] + "\"");
            usage(commands, err);
            return USAGE;
        }
        try {
            return command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        } catch (UsageException e) {
            err.println("dockmock " + args[0] + ": " + e.getMessage());
            err.println("Run 'dockmock " + args[0] + " --help' for usage.");
            return USAGE;
        }
    }

    static Map<String, Command> commands() {
        Map<String, Command> commands = new TreeMap<>();
        commands.put("serve", new ServeCommand());
        commands.put("bench", new BenchCommand());
        commands.put("record", new RecordCommand());
        commands.put("replay", new ReplayCommand());
        commands.put("cassette", new CassetteCommand());
        commands.put("run", new RunCommand());
        commands.put("soak", new SoakCommand());
        return commands;
    }

    private static void usage(Map<String, Command> commands, PrintStream out) {
        out.println("Usage: dockmock COMMAND [OPTIONS]");
        out.println();
        out.println("A fake Docker Engine for tests.");
        out.println();
        out.println("Commands:");
        commands.forEach((name, command) -> out.printf("  %-8s %s%n", name, command.summary()));
        out.println();
        out.println("Run 'dockmock COMMAND --help' for more information on a command.");
    }
}
