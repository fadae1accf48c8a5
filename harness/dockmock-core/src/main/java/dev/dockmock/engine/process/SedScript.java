package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code sed} script: commands {@code s}, {@code d}, {@code p} and {@code q}, each with
 * up to two addresses (a line number, {@code $} or {@code /regex/}).
 */
final class SedScript {

    /** A script that cannot be parsed; the message is busybox's. */
    static final class BadScript extends Exception {
        BadScript(String message) {
            super(message);
        }
    }

    /** A line number ({@code last} for {@code $}) or a pattern. */
    record Address(int line, boolean last, Pattern pattern) {
        boolean matches(int number, boolean isLast, String text) {
            return pattern != null ? pattern.matcher(text).find() : last ? isLast : number == line;
        }
    }

    /** One command; {@code occurrence} 0 means every match ({@code g}) for {@code s}. */
    record Command(Address from, Address to, char name, Pattern pattern, String replacement, int occurrence,
            boolean global, boolean print) {
    }

    private final String text;
    private final boolean extended;
    private int at;

    private SedScript(String text, boolean extended) {
        this.text = text;
        this.extended = extended;
    }

    static List<Command> parse(List<String> scripts, boolean extended) throws BadScript {
        List<Command> commands = new ArrayList<>();
        for (String script : scripts) {
            SedScript parser = new SedScript(script, extended);
            while (parser.skip(" \t\n;")) {
                commands.add(parser.command());
            }
        }
        return commands;
    }

    /** Skips separators; false at the end. */
    private boolean skip(String separators) {
        while (at < text.length() && separators.indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return at < text.length();
    }

    private Command command() throws BadScript {
        Address from = address();
        Address to = null;
        if (from != null && at < text.length() && text.charAt(at) == ',') {
            at++;
            to = address();
        }
        skip(" \t");
        if (at >= text.length()) {
            throw new BadScript("missing command");
        }
        char name = text.charAt(at++);
        switch (name) {
            case 'd', 'p', 'q' -> {
                return new Command(from, to, name, null, null, 0, false, false);
            }
            case 's' -> {
                char delimiter = text.charAt(at++);
                String regex = until(delimiter);
                String replacement = until(delimiter);
                int occurrence = 1;
                boolean global = false;
                boolean print = false;
                while (at < text.length() && "gp0123456789".indexOf(text.charAt(at)) >= 0) {
                    char flag = text.charAt(at++);
                    if (flag == 'g') {
                        global = true;
                    } else if (flag == 'p') {
                        print = true;
                    } else {
                        occurrence = flag - '0';
                    }
                }
                return new Command(from, to, 's', compile(regex), replacement, occurrence, global, print);
            }
            default -> throw new BadScript("unsupported command " + name);
        }
    }

    private Address address() throws BadScript {
        if (at >= text.length()) {
            return null;
        }
        char c = text.charAt(at);
        if (c == '$') {
            at++;
            return new Address(0, true, null);
        }
        if (c == '/') {
            at++;
            return new Address(0, false, compile(until('/')));
        }
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        return at > start ? new Address(Integer.parseInt(text.substring(start, at)), false, null) : null;
    }

    /** The text up to an unescaped {@code delimiter} (an escaped one loses its backslash). */
    private String until(char delimiter) throws BadScript {
        StringBuilder part = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == delimiter) {
                return part.toString();
            }
            if (c == '\\' && at < text.length()) {
                char next = text.charAt(at++);
                part.append(next == delimiter ? "" : "\\").append(next);
            } else {
                part.append(c);
            }
        }
        throw new BadScript("unmatched '" + delimiter + "'");
    }

    private Pattern compile(String regex) throws BadScript {
        try {
            return Pattern.compile(extended ? GrepOptions.extendedToJava(regex) : GrepOptions.basicToJava(regex));
        } catch (RuntimeException e) {
            throw new BadScript("bad regex '" + regex + "'");
        }
    }

    /** {@code s}'s replacement for one match: {@code &} the match, {@code \1}..{@code \9} groups, {@code \n} a newline. */
    static String replacement(String template, Matcher match) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '&') {
                out.append(match.group());
            } else if (c == '\\' && i + 1 < template.length()) {
                char next = template.charAt(++i);
                if (next >= '1' && next <= '9' && next - '0' <= match.groupCount()) {
                    String group = match.group(next - '0');
                    out.append(group == null ? "" : group);
                } else {
                    out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
