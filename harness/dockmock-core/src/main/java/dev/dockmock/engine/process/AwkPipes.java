package dev.dockmock.engine.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The commands an awk program runs through the container's shell: {@code "cmd" | getline}
 * (run once, its output read line by line until {@code close}), {@code print | "cmd"} (its input
 * gathered, then run at {@code close} or when awk ends, as the pipe's reader would see it all)
 * and {@code system(cmd)}.
 */
final class AwkPipes {
    private final ProcessIo io;
    private final CommandTable commands;
    private final Map<String, Deque<String>> reading = new HashMap<>();
    private final Map<String, Integer> readStatus = new HashMap<>();
    private final Map<String, ByteArrayOutputStream> writing = new LinkedHashMap<>();

    AwkPipes(ProcessIo io, CommandTable commands) {
        this.io = io;
        this.commands = commands;
    }

    /** The next line {@code command} prints, running it on first use; null at its end. */
    String next(String command) {
        Deque<String> lines = reading.get(command);
        if (lines == null) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            readStatus.put(command, run(command, new byte[0], output::writeBytes));
            lines = new ArrayDeque<>(Stdin.lines(output.toString(StandardCharsets.UTF_8)));
            reading.put(command, lines);
        }
        return lines.poll();
    }

    /** {@code print | command}: {@code text} joins what the command will read. */
    void write(String command, String text) {
        writing.computeIfAbsent(command, c -> new ByteArrayOutputStream()).writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code close(command)}: runs a command written to; forgets one read from. Gives its wait
     * status as busybox does (the exit code times 256), empty when no such pipe is open.
     */
    OptionalInt close(String command) {
        ByteArrayOutputStream input = writing.remove(command);
        if (input != null) {
            return OptionalInt.of(run(command, input.toByteArray(), io::stdout) << 8);
        }
        if (reading.remove(command) != null) {
            return OptionalInt.of(readStatus.remove(command) << 8);
        }
        return OptionalInt.empty();
    }

    /** Runs the commands still written to, in the order they were opened, as awk's exit closes them. */
    void closeAll() {
        for (String command : List.copyOf(writing.keySet())) {
            close(command);
        }
    }

    /** {@code system(command)}: its output goes to awk's; gives its exit code. */
    int system(String command) {
        return run(command, new byte[0], io::stdout);
    }

    private int run(String command, byte[] stdin, Consumer<byte[]> out) {
        List<String> argv = List.of("sh", "-c", command);
        Behaviour shell = commands.find(argv).orElseThrow(() -> new IllegalStateException("no shell"));
        try {
            return shell.run(new CommandIo(argv, io.env(), io.hostname(), io.workingDir(), new ByteArrayInputStream(stdin), out,
                    io::stderr, io.network(), io.files(), io.processes()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwkControl(AwkControl.Kind.DIE, 130);
        }
    }
}
