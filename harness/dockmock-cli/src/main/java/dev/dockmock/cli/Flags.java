package dev.dockmock.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a command line: {@code --name value}, {@code --name=value}, switches, and operands.
 * Unknown flags are the caller's to refuse; each command keeps its own table of names.
 */
public final class Flags {
    private final String[] args;
    private int index = -1;
    private String name;
    private String inlineValue;
    private final List<String> operands = new ArrayList<>();

    public Flags(String[] args) {
        this.args = args.clone();
    }

    /**
     * Moves to the next flag, collecting operands on the way.
     *
     * @return the flag's name ({@code --out}, {@code -H}), or null at the end
     */
    public String next() {
        while (++index < args.length) {
            String arg = args[index];
            if (arg.equals("--")) {
                while (++index < args.length) {
                    operands.add(args[index]);
                }
                return null;
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    inlineValue = arg.substring(eq + 1);
                } else {
                    name = arg;
                    inlineValue = null;
                }
                return name;
            }
            operands.add(arg);
        }
        return null;
    }

    /** The current flag's value: after {@code =}, or the next argument. */
    public String value() {
        if (inlineValue != null) {
            String value = inlineValue;
            inlineValue = null;
            return value;
        }
        if (index + 1 >= args.length) {
            throw new UsageException("flag " + name + " needs a value");
        }
        return args[++index];
    }

    /** Refuses a switch given a value ({@code --strict=yes}). */
    public void noValue() {
        if (inlineValue != null) {
            throw new UsageException("flag " + name + " takes no value");
        }
    }

    public UsageException unknown() {
        return new UsageException("unknown option \"" + name + "\"");
    }

    /** The arguments that were not flags or flag values, in order. */
    public List<String> operands() {
        return List.copyOf(operands);
    }
}
