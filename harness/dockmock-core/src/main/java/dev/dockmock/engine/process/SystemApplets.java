package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a process can learn about its container: {@code env}, {@code printenv}, {@code hostname},
 * {@code uname}, {@code which}. The process is root on Linux x86_64.
 */
final class SystemApplets {
    static final String KERNEL = "6.1.0-dockmock";
    static final String KERNEL_VERSION = "#1 SMP PREEMPT_DYNAMIC Mon Jan  1 00:00:00 UTC 2024";

    private SystemApplets() {
    }

    static int print(ProcessIo io, String line) {
        io.stdout(line + "\n");
        return 0;
    }

    /** {@code env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]}. */
    static int env(ProcessIo io, CommandTable commands) throws InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(io.env());
        List<String> args = io.argv();
        int i = 1;
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-i") || arg.equals("-")) {
                env.clear();
            } else if (arg.equals("-u") && i + 1 < args.size()) {
                env.remove(args.get(++i));
            } else if (arg.contains("=") && !arg.startsWith("=")) {
                env.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.equals("--")) {
                break;
            }
        }
        if (i == args.size()) {
            StringBuilder out = new StringBuilder();
            env.forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
            io.stdout(out.toString());
            return 0;
        }
        List<String> command = args.subList(i, args.size());
        Optional<Behaviour> behaviour = commands.find(command);
        if (behaviour.isEmpty()) {
            io.stderr("env: can't execute '" + command.get(0) + "': No such file or directory\n");
            return 127;
        }
        // env execs the command: it takes env's place in the process list
        io.processes().exec(command);
        return behaviour.get().run(new CommandIo(command, env, io.hostname(), io.workingDir(), io.stdin(),
                io::stdout, io::stderr, io.network(), io.files(), io.processes()));
    }

    /** {@code printenv [NAME]...}: 1 when a name is not set. */
    static int printenv(ProcessIo io) {
        List<String> names = io.argv().subList(1, io.argv().size());
        StringBuilder out = new StringBuilder();
        int status = 0;
        if (names.isEmpty()) {
            io.env().forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
        }
        for (String name : names) {
            String value = io.env().get(name);
            if (value == null) {
                status = 1;
            } else {
                out.append(value).append('\n');
            }
        }
        io.stdout(out.toString());
        return status;
    }

    static int hostname(ProcessIo io) {
        String name = io.hostname();
        if (io.argv().contains("-s") && name.contains(".")) {
            name = name.substring(0, name.indexOf('.'));
        }
        return print(io, name);
    }

    /** {@code uname [-asnrvmo]}: Linux on x86_64, fields in uname's order whatever the flags' order. */
    static int uname(ProcessIo io) {
        String flags = String.join("", io.argv().subList(1, io.argv().size())).replace("-", "");
        if (flags.contains("a")) {
            flags = "snrvmo";
        } else if (flags.isEmpty()) {
            flags = "s";
        }
        List<String> fields = new ArrayList<>();
        String[][] all = {{"s", "Linux"}, {"n", io.hostname()}, {"r", KERNEL}, {"v", KERNEL_VERSION},
            {"m", "x86_64"}, {"p", "unknown"}, {"o", "Linux"}};
        for (String[] field : all) {
            if (flags.contains(field[0])) {
                fields.add(field[1]);
            }
        }
        return print(io, String.join(" ", fields));
    }

    /** {@code which NAME...}: the path of each program found; 1 when one is not. */
    static int which(ProcessIo io, CommandTable commands) {
        int status = 0;
        for (String name : FileOperands.operands(io.argv(), List.of())) {
            Optional<String> path = commands.pathOf(name);
            if (path.isPresent()) {
                print(io, path.get());
            } else {
                status = 1;
            }
        }
        return status;
    }
}
