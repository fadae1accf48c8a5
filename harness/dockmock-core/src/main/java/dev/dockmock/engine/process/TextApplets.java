package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code echo}, {@code yes}, {@code seq}, {@code basename}, {@code dirname}. */
final class TextApplets {
    private static final int YES_CHUNK = 8192;
    /**
     * The engine's sinks never block, so an unread {@code yes} would fill memory as fast as it can
     * write; pausing between chunks bounds that without slowing {@code yes | head} noticeably.
     */
    private static final long YES_PAUSE_MILLIS = 10;

    private TextApplets() {
    }

    /** busybox echo: {@code -n}, {@code -e}, {@code -E}, in any combination, before the words. */
    static int echo(ProcessIo io) {
        List<String> args = io.argv().subList(1, io.argv().size());
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        for (; i < args.size() && args.get(i).matches("-[neE]+"); i++) {
            for (char flag : args.get(i).substring(1).toCharArray()) {
                if (flag == 'n') {
                    newline = false;
                } else {
                    escapes = flag == 'e';
                }
            }
        }
        String text = String.join(" ", args.subList(i, args.size()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean complete = true;
        if (escapes) {
            complete = Escapes.append(text, true, out);
        } else {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        if (newline && complete) {
            out.write('\n');
        }
        io.stdout(out.toByteArray());
        return 0;
    }

    /** Writes its line until interrupted or until the reader of its pipe goes away. */
    static int yes(ProcessIo io) throws InterruptedException {
        List<String> args = io.argv().subList(1, io.argv().size());
        String line = (args.isEmpty() ? "y" : String.join(" ", args)) + "\n";
        String chunk = line.repeat(Math.max(1, YES_CHUNK / line.length()));
        while (true) {
            Stdin.interruptible();
            io.stdout(chunk);
            Thread.sleep(YES_PAUSE_MILLIS);
        }
    }

    /** {@code seq [-w] [-s SEP] [FIRST [INC]] LAST}, integers only. */
    static int seq(ProcessIo io) throws InterruptedException {
        List<String> args = io.argv().subList(1, io.argv().size());
        String separator = "\n";
        boolean equalWidth = false;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-") && !args.get(i).matches("-[0-9].*"); i++) {
            if (args.get(i).equals("-w")) {
                equalWidth = true;
            } else if (args.get(i).equals("-s") && i + 1 < args.size()) {
                separator = args.get(++i);
            }
        }
        List<String> numbers = args.subList(i, args.size());
        if (numbers.isEmpty() || numbers.size() > 3) {
            io.stderr("Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n");
            return 1;
        }
        long[] values = new long[numbers.size()];
        for (int n = 0; n < values.length; n++) {
            try {
                values[n] = Long.parseLong(numbers.get(n).strip());
            } catch (NumberFormatException e) {
                io.stderr("seq: invalid number '" + numbers.get(n) + "'\n");
                return 1;
            }
        }
        long first = values.length > 1 ? values[0] : 1;
        long step = values.length == 3 ? values[1] : 1;
        long last = values[values.length - 1];
        if (step == 0) {
            return 1;
        }
        int width = equalWidth ? Math.max(Long.toString(first).length(), Long.toString(last).length()) : 0;
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (long value = first; step > 0 ? value <= last : value >= last; value += step) {
            if (any) {
                out.append(separator);
            }
            any = true;
            String text = Long.toString(value);
            out.append("0".repeat(Math.max(0, width - text.length()))).append(text);
            if (out.length() >= YES_CHUNK) {
                Stdin.interruptible();
                io.stdout(out.toString());
                out.setLength(0);
            }
        }
        io.stdout(any ? out.append('\n').toString() : out.toString());
        return 0;
    }

    static int basename(ProcessIo io) {
        List<String> args = io.argv();
        if (args.size() < 2) {
            io.stderr("Usage: basename FILE [SUFFIX]\n");
            return 1;
        }
        String path = args.get(1).replaceAll("/+$", "");
        String name = path.isEmpty() ? "/" : path.substring(path.lastIndexOf('/') + 1);
        if (args.size() > 2 && name.endsWith(args.get(2)) && !name.equals(args.get(2))) {
            name = name.substring(0, name.length() - args.get(2).length());
        }
        io.stdout(name + "\n");
        return 0;
    }

    static int dirname(ProcessIo io) {
        if (io.argv().size() < 2) {
            io.stderr("Usage: dirname FILENAME\n");
            return 1;
        }
        String path = io.argv().get(1).replaceAll("/+$", "");
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash).replaceAll("/+$", "");
        io.stdout((dir.isEmpty() ? "/" : dir) + "\n");
        return 0;
    }
}
