package dev.dockmock.engine.process;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code xargs [-n N] [-I STR] [COMMAND [ARG]...]}: runs the command ({@code echo} by default)
 * with the words of stdin appended, all at once, {@code N} at a time, or once per line with
 * {@code STR} replaced. Exit 123 when a run failed, 127 when the command does not exist.
 */
final class XargsApplet {

    private XargsApplet() {
    }

    static int run(ProcessIo io, CommandTable commands) throws InterruptedException {
        List<String> args = io.argv();
        int perRun = Integer.MAX_VALUE;
        String replace = null;
        int i = 1;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String arg = args.get(i);
            if ((arg.equals("-n") || arg.equals("-I")) && i + 1 < args.size()) {
                String value = args.get(++i);
                if (arg.equals("-n")) {
                    perRun = Math.max(1, Integer.parseInt(value));
                } else {
                    replace = value;
                }
            } else if (arg.startsWith("-n") && arg.length() > 2) {
                perRun = Math.max(1, Integer.parseInt(arg.substring(2)));
            }
        }
        List<String> command = new ArrayList<>(i < args.size() ? args.subList(i, args.size()) : List.of("echo"));
        String input = new String(Stdin.readAll(io.stdin()), StandardCharsets.UTF_8);
        List<List<String>> runs = new ArrayList<>();
        if (replace != null) {
            for (String line : input.split("\n")) {
                if (!line.isBlank()) {
                    String value = line.strip();
                    String token = replace;
                    runs.add(command.stream().map(part -> part.replace(token, value)).toList());
                }
            }
        } else {
            List<String> words = input.isBlank() ? List.of() : List.of(input.strip().split("\\s+"));
            for (int from = 0; from < words.size() || from == 0; from += perRun) {
                List<String> argv = new ArrayList<>(command);
                int to = (int) Math.min(words.size(), (long) from + perRun);
                argv.addAll(words.subList(Math.min(from, words.size()), to));
                runs.add(argv);
                if (words.isEmpty()) {
                    break;
                }
            }
        }
        int status = 0;
        for (List<String> argv : runs) {
            Optional<Behaviour> program = commands.find(argv);
            if (program.isEmpty()) {
                io.stderr("xargs: " + argv.get(0) + ": No such file or directory\n");
                return 127;
            }
            int exit;
            try (ProcessList.Child child = io.processes().start(argv)) {
                exit = program.get().run(new CommandIo(argv, io.env(), io.hostname(), io.workingDir(),
                        new ByteArrayInputStream(new byte[0]), io::stdout, io::stderr, io.network(), io.files(), child.list()));
            }
            if (exit == 255) {
                return 124;
            }
            if (exit != 0) {
                status = 123;
            }
        }
        return status;
    }
}
