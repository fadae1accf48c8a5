package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code sed [-n] [-i] [-E|-r] [-e SCRIPT]... [SCRIPT] [FILE]...} with the commands
 * {@link SedScript} knows; {@code -i} writes each file back in place.
 */
final class SedApplet {

    private SedApplet() {
    }

    static int run(ProcessIo io) throws InterruptedException {
        boolean quiet = false;
        boolean inPlace = false;
        boolean extended = false;
        List<String> scripts = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        List<String> args = io.argv();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-e") && i + 1 < args.size()) {
                scripts.add(args.get(++i));
            } else if (arg.matches("-[niEr]+")) {
                quiet |= arg.contains("n");
                inPlace |= arg.contains("i");
                extended |= arg.contains("E") || arg.contains("r");
            } else {
                operands.add(arg);
            }
        }
        if (scripts.isEmpty() && !operands.isEmpty()) {
            scripts.add(operands.remove(0));
        }
        List<SedScript.Command> commands;
        try {
            commands = SedScript.parse(scripts, extended);
        } catch (SedScript.BadScript e) {
            io.stderr("sed: " + e.getMessage() + "\n");
            return 1;
        }
        int status = 0;
        for (String file : operands.isEmpty() ? List.of("-") : operands) {
            InputStream in = file.equals("-") ? io.stdin() : FileOperands.open(io, file, true);
            if (in == null) {
                status = 1;
                continue;
            }
            String edited = edit(new String(Stdin.readAll(in), StandardCharsets.UTF_8), commands, quiet);
            if (inPlace && !file.equals("-")) {
                try {
                    io.files().write(KnownPaths.absolute(file, io.workingDir()), edited.getBytes(StandardCharsets.UTF_8), false);
                } catch (ProcessFiles.Failure failure) {
                    io.stderr("sed: " + file + ": " + failure.getMessage() + "\n");
                    status = 1;
                }
            } else {
                io.stdout(edited);
            }
        }
        return status;
    }

    private static String edit(String text, List<SedScript.Command> commands, boolean quiet) {
        List<String> lines = Stdin.lines(text);
        boolean[] inRange = new boolean[commands.size()];
        StringBuilder out = new StringBuilder();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            boolean last = number == lines.size();
            boolean deleted = false;
            boolean quit = false;
            for (int c = 0; c < commands.size() && !deleted && !quit; c++) {
                SedScript.Command command = commands.get(c);
                if (!selects(command, number, last, line, inRange, c)) {
                    continue;
                }
                switch (command.name()) {
                    case 'd' -> deleted = true;
                    case 'p' -> out.append(line).append('\n');
                    case 'q' -> quit = true;
                    default -> {
                        String replaced = substitute(command, line);
                        if (replaced != null) {
                            line = replaced;
                            if (command.print()) {
                                out.append(line).append('\n');
                            }
                        }
                    }
                }
            }
            if (!deleted && !quiet) {
                out.append(line).append('\n');
            }
            if (quit) {
                break;
            }
        }
        return out.toString();
    }

    private static boolean selects(SedScript.Command command, int number, boolean last, String line, boolean[] inRange, int index) {
        if (command.from() == null) {
            return true;
        }
        if (command.to() == null) {
            return command.from().matches(number, last, line);
        }
        if (inRange[index]) {
            SedScript.Address to = command.to();
            boolean ends = to.pattern() != null ? to.matches(number, last, line) : to.last() ? last : number >= to.line();
            inRange[index] = !ends;
            return true;
        }
        if (command.from().matches(number, last, line)) {
            SedScript.Address to = command.to();
            inRange[index] = to.pattern() != null || to.last() ? !(to.last() && last) : number < to.line();
            return true;
        }
        return false;
    }

    /** The line after {@code s}, or null when nothing matched. */
    private static String substitute(SedScript.Command command, String line) {
        Matcher match = command.pattern().matcher(line);
        StringBuilder out = new StringBuilder();
        int position = 0;
        int seen = 0;
        boolean replaced = false;
        while (match.find()) {
            seen++;
            if (command.global() ? seen >= command.occurrence() : seen == command.occurrence()) {
                out.append(line, position, match.start()).append(SedScript.replacement(command.replacement(), match));
                position = match.end();
                replaced = true;
                if (!command.global()) {
                    break;
                }
            }
            if (match.end() == match.start() && match.end() >= line.length()) {
                break;
            }
        }
        return replaced ? out.append(line.substring(position)).toString() : null;
    }
}
