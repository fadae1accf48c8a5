package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options as busybox's {@code getopt32} reads them: bundled single letters ({@code -qO-}), a
 * letter followed by {@code :} in the spec takes a value (attached or the next argument), long
 * options ({@code --spider}, {@code --header=X} or {@code --header X}), options anywhere before
 * {@code --} (GNU permutation), and {@code -} alone as an operand.
 *
 * @param values every option seen, by its short letter or long name, with its values in order
 * @param operands the other arguments
 */
record AppletOptions(Map<String, List<String>> values, List<String> operands) {

    /**
     * Parses {@code argv} (from index 1). On a bad option prints busybox's complaint
     * ({@code invalid option -- 'x'}, {@code unrecognized option '--x'},
     * {@code option requires an argument -- 'x'}) and returns empty.
     *
     * @param shortSpec letters, each followed by {@code :} when it takes a value ({@code "qSO:T:"})
     * @param longSpec long names, each followed by {@code :} when it takes a value, mapped to the
     *     key they are stored under (a short letter or the long name itself)
     */
    static Optional<AppletOptions> parse(ProcessIo io, String shortSpec, Map<String, String> longSpec) {
        return parse(io, io.argv(), shortSpec, longSpec);
    }

    /** As {@link #parse(ProcessIo, String, Map)}, of {@code argv} rewritten by the applet (tar's old-style options). */
    static Optional<AppletOptions> parse(ProcessIo io, List<String> argv, String shortSpec, Map<String, String> longSpec) {
        String name = Applets.name(io);
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                operands.addAll(argv.subList(i + 1, argv.size()));
                break;
            }
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String longName = arg.substring(2, eq < 0 ? arg.length() : eq);
                String key = longSpec.get(longName + ":");
                boolean takesValue = key != null;
                if (key == null) {
                    key = longSpec.get(longName);
                }
                if (key == null || (!takesValue && eq >= 0)) {
                    io.stderr(name + ": unrecognized option '" + arg + "'\n");
                    return Optional.empty();
                }
                String value = "";
                if (takesValue) {
                    if (eq >= 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < argv.size()) {
                        value = argv.get(++i);
                    } else {
                        io.stderr(name + ": option '" + arg + "' requires an argument\n");
                        return Optional.empty();
                    }
                }
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (int j = 1; j < arg.length(); j++) {
                    char letter = arg.charAt(j);
                    int at = shortSpec.indexOf(letter);
                    if (at < 0 || letter == ':') {
                        io.stderr(name + ": invalid option -- '" + letter + "'\n");
                        return Optional.empty();
                    }
                    String value = "";
                    if (at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':') {
                        if (j + 1 < arg.length()) {
                            value = arg.substring(j + 1);
                        } else if (i + 1 < argv.size()) {
                            value = argv.get(++i);
                        } else {
                            io.stderr(name + ": option requires an argument -- '" + letter + "'\n");
                            return Optional.empty();
                        }
                        j = arg.length();
                    }
                    values.computeIfAbsent(String.valueOf(letter), k -> new ArrayList<>()).add(value);
                }
            } else {
                operands.add(arg);
            }
        }
        return Optional.of(new AppletOptions(values, operands));
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The last value given for {@code key}, or {@code fallback}. */
    String last(String key, String fallback) {
        List<String> all = values.get(key);
        return all == null ? fallback : all.get(all.size() - 1);
    }

    /** Every value given for {@code key}, in order. */
    List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }
}
