package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code awk [-F SEP] [-v VAR=VALUE]... 'PROGRAM' [FILE]...} for the common subset: BEGIN, END and
 * pattern-action rules; {@code print}, {@code printf} (also {@code > file}, {@code >> file}),
 * {@code if}/{@code else}, {@code while}, {@code do}, {@code for}, {@code for (k in a)},
 * {@code break}, {@code continue}, {@code next}, {@code exit}, {@code getline}, {@code delete};
 * fields, {@code NR}, {@code NF}, {@code FS}, {@code OFS}, {@code SUBSEP}; associative arrays;
 * arithmetic, comparison, {@code ~}, {@code in}, {@code ?:}, {@code && || !}, concatenation,
 * assignment; {@code length}, {@code substr}, {@code index}, {@code split}, {@code sub}, {@code gsub},
 * {@code match}, {@code sprintf}, {@code tolower}, {@code toupper}; user-defined functions;
 * {@code "cmd" | getline [var]}, {@code print | "cmd"}, {@code close} and {@code system} through
 * the container's shell. A program outside it fails as a syntax error does (exit 1), saying so.
 */
final class AwkApplet {

    private AwkApplet() {
    }

    static int run(ProcessIo io, CommandTable commands) throws InterruptedException {
        String separator = " ";
        Map<String, String> assigned = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        List<String> args = io.argv();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("-F") || arg.equals("-v")) && i + 1 < args.size()) {
                String value = args.get(++i);
                if (arg.equals("-F")) {
                    separator = value.equals("\\t") ? "\t" : value;
                } else if (value.contains("=")) {
                    assigned.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                }
            } else if (arg.startsWith("-F") && arg.length() > 2) {
                separator = arg.substring(2).equals("\\t") ? "\t" : arg.substring(2);
            } else {
                operands.add(arg);
            }
        }
        if (operands.isEmpty()) {
            io.stderr("Usage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n");
            return 1;
        }
        AwkProgram program;
        try {
            program = AwkParser.parse(operands.remove(0));
        } catch (AwkCursor.Bad | RuntimeException e) {
            io.stderr("awk: cmd. line:1: Unexpected token (" + e.getMessage()
                    + "; dockmock's awk knows a subset, see docs/engine.md)\n");
            return 1;
        }
        AwkInput input = new AwkInput(io, operands, commands);
        AwkInterpreter awk = new AwkInterpreter(program, assigned, separator, io::stdout, texts -> printf(io, texts), input);
        try {
            return program(awk, program.rules(), input);
        } catch (AwkControl die) {
            return die.code;
        } catch (RuntimeException e) {
            // a call busybox refuses when it parses (too few arguments) is found only when run here
            io.stderr("awk: cmd. line:1: " + e.getMessage() + "\n");
            return 1;
        }
    }

    /**
     * BEGIN, each record through the main rules (when there are any besides BEGIN), then END;
     * {@code exit} skips to END, and in END ends it.
     *
     * @return the exit code {@code exit} gave, else 0
     */
    private static int program(AwkInterpreter awk, List<AwkNode.Rule> rules, AwkInput input) {
        int code = 0;
        try {
            awk.run(rules, "BEGIN");
            if (rules.stream().anyMatch(rule -> !rule.kind().equals("BEGIN"))) {
                for (String line = input.next(); line != null; line = input.next()) {
                    awk.record(rules, line);
                }
            }
        } catch (AwkControl exit) {
            if (exit.kind == AwkControl.Kind.DIE) {
                throw exit;
            }
            code = exitCode(exit, code);
        }
        try {
            awk.run(rules, "END");
        } catch (AwkControl exit) {
            if (exit.kind == AwkControl.Kind.DIE) {
                throw exit;
            }
            code = exitCode(exit, code);
        }
        input.pipes().closeAll();
        return code;
    }

    private static int exitCode(AwkControl control, int previous) {
        return control.kind == AwkControl.Kind.EXIT && control.code != null ? control.code : previous;
    }

    private static String printf(ProcessIo io, List<String> texts) {
        if (texts.isEmpty()) {
            return "";
        }
        ByteArrayOutputStream formatted = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>();
        argv.add("printf");
        argv.addAll(texts);
        Printf.run(new CommandIo(argv, io.env(), io.hostname(), io.workingDir(), io.stdin(), formatted::writeBytes,
                io::stderr, io.network(), io.files(), io.processes()));
        return formatted.toString(StandardCharsets.UTF_8);
    }
}
