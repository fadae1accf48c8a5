package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code head} and {@code tail}: how many lines (or bytes with {@code -c}), from
 * the start with {@code +N}, {@code -f}, and the file operands; null from {@link #parse} after
 * busybox's complaint about a bad number.
 */
record HeadTailOptions(long value, boolean bytes, boolean follow, boolean fromStart, List<String> files) {
    static HeadTailOptions parse(ProcessIo io, long defaultValue) {
        long value = defaultValue;
        boolean fromStart = false;
        boolean bytes = false;
        boolean follow = false;
        List<String> files = new ArrayList<>();
        List<String> args = io.argv();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String number = null;
            if (arg.equals("-n") || arg.equals("-c")) {
                bytes = arg.equals("-c");
                number = i + 1 < args.size() ? args.get(++i) : "";
            } else if (arg.matches("-[nc].+")) {
                bytes = arg.charAt(1) == 'c';
                number = arg.substring(2);
            } else if (arg.matches("-[0-9]+")) {
                number = arg.substring(1);
            } else if (arg.equals("-f") || arg.equals("-F")) {
                follow = true;
            } else if (arg.equals("-") || !arg.startsWith("-")) {
                files.add(arg);
            }
            if (number != null) {
                fromStart = number.startsWith("+");
                try {
                    value = Long.parseLong(number.startsWith("+") ? number.substring(1) : number);
                } catch (NumberFormatException e) {
                    io.stderr(Applets.name(io) + ": invalid number '" + number + "'\n");
                    return null;
                }
            }
        }
        return new HeadTailOptions(value, bytes, follow, fromStart, files);
    }
}
