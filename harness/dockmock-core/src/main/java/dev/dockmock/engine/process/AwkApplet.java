package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code awk [-F SEP] [-v VAR=VALUE]... 'PROGRAM' [FILE]...} for the common subset: BEGIN, END and
 * pattern-action rules; {@code print}, {@code printf}, {@code if}/{@code else}, {@code next};
 * fields, {@code NR}, {@code NF}, {@code FS}, {@code OFS}; arithmetic, comparison, {@code ~},
 * {@code && || !}, concatenation, assignment; {@code length}, {@code substr}, {@code index},
 * {@code tolower}, {@code toupper}. A program outside it fails as a syntax error does (exit 1), saying so.
 */
final class AwkApplet {

    private AwkApplet() {
    }

    static int run(ProcessIo io) throws InterruptedException {
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
        List<AwkNode.Rule> rules;
        try {
            rules = AwkParser.parse(operands.remove(0));
        } catch (AwkCursor.Bad | RuntimeException e) {
            io.stderr("awk: cmd. line:1: Unexpected token (" + e.getMessage()
                    + "; dockmock's awk knows a subset, see docs/engine.md)\n");
            return 1;
        }
        AwkInterpreter awk = new AwkInterpreter(assigned, separator, io::stdout, texts -> printf(io, texts));
        awk.run(rules, "BEGIN");
        int status = 0;
        boolean hasMain = rules.stream().anyMatch(rule -> !rule.kind().equals("BEGIN"));
        for (String file : !hasMain ? List.<String>of() : operands.isEmpty() ? List.of("-") : operands) {
            InputStream in = file.equals("-") ? io.stdin() : StreamApplets.open(io, file, false);
            if (in == null) {
                status = 2;
                continue;
            }
            String text = new String(Stdin.readAll(in), StandardCharsets.UTF_8);
            List<String> lines = Stdin.lines(text);
            for (String line : lines) {
                awk.record(rules, line);
            }
        }
        awk.run(rules, "END");
        return status;
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
                io::stderr, io::listening, io.files()));
        return formatted.toString(StandardCharsets.UTF_8);
    }
}
