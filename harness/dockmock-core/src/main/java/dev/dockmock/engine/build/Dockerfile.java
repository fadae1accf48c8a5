package dev.dockmock.engine.build;

import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Dockerfile: the {@code ARG}s before the first {@code FROM}, then its stages. Parsing
 * follows dockerd's: {@code # escape=} directive, continuation lines, comment lines, flags, and
 * the same {@code dockerfile parse error on line N: ...} messages.
 *
 * @param escape the escape character ({@code \} or {@code `})
 * @param metaArgs the {@code ARG}s before the first {@code FROM}
 * @param stages the stages, each starting with its {@code FROM}
 */
public record Dockerfile(char escape, List<Instruction> metaArgs, List<Stage> stages) {

    /** A stage: its {@code FROM} and what follows it. */
    public record Stage(Instruction from, List<Instruction> instructions) {
    }

    static final Set<String> KEYWORDS = Set.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY",
            "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern FLAG = Pattern.compile("^--([a-zA-Z][a-zA-Z0-9-]*)(?:=(\\S*))?\\s*");

    /** Every instruction in order, stages included. */
    public List<Instruction> instructions() {
        List<Instruction> all = new ArrayList<>(metaArgs);
        for (Stage stage : stages) {
            all.add(stage.from());
            all.addAll(stage.instructions());
        }
        return all;
    }

    /**
     * Parses Dockerfile text into instructions (for commit changes, which have no stages).
     *
     * @throws DockerException 400 with dockerd's parse errors
     */
    public static List<Instruction> instructions(String text) {
        return read(text).instructions();
    }

    private record Read(char escape, List<Instruction> instructions) {
    }

    private static Read read(String text) {
        char escape = '\\';
        List<Instruction> instructions = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        boolean directives = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (directives) {
                Matcher directive = DIRECTIVE.matcher(trimmed);
                if (directive.matches()) {
                    if (directive.group(1).equalsIgnoreCase("escape")) {
                        escape = directive.group(2).charAt(0);
                    }
                    continue;
                }
                directives = false;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int start = i + 1;
            StringBuilder logical = new StringBuilder();
            String current = line.stripTrailing();
            while (current.endsWith(String.valueOf(escape)) && i + 1 < lines.length) {
                logical.append(current, 0, current.length() - 1);
                i++;
                while (i + 1 < lines.length && (lines[i].isBlank() || lines[i].strip().startsWith("#"))) {
                    i++;
                }
                current = lines[i].stripTrailing();
            }
            logical.append(current);
            instructions.add(instruction(logical.toString().strip(), start));
        }
        return new Read(escape, instructions);
    }

    /**
     * Parses a whole Dockerfile.
     *
     * @throws DockerException 400 with dockerd's parse errors
     */
    public static Dockerfile parse(String text) {
        Read read = read(text);
        List<Instruction> all = read.instructions();
        List<Instruction> meta = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        Instruction from = null;
        List<Instruction> body = new ArrayList<>();
        for (Instruction instruction : all) {
            if (instruction.keyword().equals("FROM")) {
                if (from != null) {
                    stages.add(new Stage(from, body));
                }
                from = instruction;
                body = new ArrayList<>();
            } else if (from == null) {
                if (!instruction.keyword().equals("ARG")) {
                    throw parseError(instruction.line(), "no build stage in current context");
                }
                meta.add(instruction);
            } else {
                body.add(instruction);
            }
        }
        if (from != null) {
            stages.add(new Stage(from, body));
        }
        return new Dockerfile(read.escape(), meta, stages);
    }

    private static Instruction instruction(String text, int line) {
        int space = indexOfSpace(text);
        String word = space < 0 ? text : text.substring(0, space);
        String keyword = word.toUpperCase(Locale.ROOT);
        if (!KEYWORDS.contains(keyword)) {
            throw parseError(line, "unknown instruction: " + word);
        }
        String rest = space < 0 ? "" : text.substring(space).strip();
        Map<String, String> flags = new LinkedHashMap<>();
        for (Matcher flag = FLAG.matcher(rest); flag.find(); flag = FLAG.matcher(rest)) {
            flags.put(flag.group(1), flag.group(2) == null ? "true" : flag.group(2));
            rest = rest.substring(flag.end());
        }
        if (rest.isEmpty() && !Set.of("CMD", "ENTRYPOINT", "RUN").contains(keyword)) {
            throw parseError(line, keyword + " requires at least one argument");
        }
        String args = rest;
        if ((keyword.equals("COPY") || keyword.equals("ADD")) && Instruction.jsonArray(args).map(List::size)
                .orElseGet(() -> args.split("\\s+").length) < 2) {
            throw parseError(line, keyword + " requires at least two arguments, but only one was provided. "
                    + "Destination could not be determined.");
        }
        return new Instruction(keyword, flags, args, line, text);
    }

    private static int indexOfSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static DockerException parseError(int line, String message) {
        return new DockerException(400, "dockerfile parse error on line " + line + ": " + message);
    }
}
