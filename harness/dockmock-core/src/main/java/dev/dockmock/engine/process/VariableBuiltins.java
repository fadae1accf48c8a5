package dev.dockmock.engine.process;

import java.util.List;
import java.util.TreeMap;

/** {@code export}, {@code readonly}, {@code unset}, {@code set} and {@code local}. */
final class VariableBuiltins {

    private VariableBuiltins() {
    }

    static int export(ShellRunner shell, List<String> argv, Streams io) {
        return assign(shell, argv, io, "export", true);
    }

    static int readonly(ShellRunner shell, List<String> argv, Streams io) {
        return assign(shell, argv, io, "readonly", false);
    }

    private static int assign(ShellRunner shell, List<String> argv, Streams io, String builtin, boolean export) {
        ShellState state = shell.state;
        List<String> names = argv.subList(1, argv.size()).stream().filter(arg -> !arg.equals("-p")).toList();
        if (names.isEmpty()) {
            new TreeMap<>(export ? state.environment() : state.vars)
                    .forEach((name, value) -> io.out(builtin + " " + name + "=" + singleQuoted(value) + "\n"));
            return 0;
        }
        for (String arg : names) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!ExpansionLexer.isName(name)) {
                throw new ShellControl.Fatal(builtin, name + ": bad variable name");
            }
            if (equals >= 0) {
                state.set(name, arg.substring(equals + 1));
            }
            if (export) {
                state.exported.add(name);
            }
        }
        return 0;
    }

    static int unset(ShellRunner shell, List<String> argv, Streams io) {
        boolean functions = false;
        for (String arg : argv.subList(1, argv.size())) {
            if (arg.equals("-f")) {
                functions = true;
            } else if (!arg.equals("-v")) {
                if (functions) {
                    shell.state.functions.remove(arg);
                } else {
                    shell.state.unset(arg);
                }
            }
        }
        return 0;
    }

    static int local(ShellRunner shell, List<String> argv, Streams io) {
        for (String arg : argv.subList(1, argv.size())) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!shell.state.makeLocal(name)) {
                throw new ShellControl.Fatal("local", "not in a function");
            }
            if (equals >= 0) {
                shell.state.set(name, arg.substring(equals + 1));
            }
        }
        return 0;
    }

    /** {@code set [-+exuo option] [--] [args]}: options, then positional parameters. */
    static int set(ShellRunner shell, List<String> argv, Streams io) {
        ShellState state = shell.state;
        if (argv.size() == 1) {
            new TreeMap<>(state.vars).forEach((name, value) -> io.out(name + "=" + singleQuoted(value) + "\n"));
            return 0;
        }
        int i = 1;
        for (; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                state.positional = List.copyOf(argv.subList(i + 1, argv.size()));
                return 0;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-' && arg.charAt(0) != '+') {
                break;
            }
            boolean on = arg.charAt(0) == '-';
            for (char flag : arg.substring(1).toCharArray()) {
                if (flag == 'o') {
                    if (++i < argv.size()) {
                        option(state, argv.get(i), on);
                    }
                } else {
                    option(state, String.valueOf(flag), on);
                }
            }
        }
        if (i < argv.size()) {
            state.positional = List.copyOf(argv.subList(i, argv.size()));
        }
        return 0;
    }

    /** Sets a shell option; those without an effect here ({@code -u}, {@code -f}...) are accepted. */
    static void option(ShellState state, String name, boolean on) {
        switch (name) {
            case "e", "errexit" -> state.errexit = on;
            case "x", "xtrace" -> state.xtrace = on;
            case "pipefail" -> state.pipefail = on;
            default -> {
            }
        }
    }

    static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }
}
