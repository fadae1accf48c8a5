package dev.dockmock.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The dockmock command run as a child JVM, as a user runs it, for tests of serving and stopping. */
final class ChildDockmock {

    private ChildDockmock() {
    }

    /** {@code java -cp <this classpath> dev.dockmock.cli.Main args...}, stderr inherited. */
    static ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /**
     * Reads the child's output until a line contains {@code marker}, byte by byte so that what
     * follows stays in the stream for later reads.
     */
    static List<String> readUntil(Process process, String marker) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = process.getInputStream().read()) >= 0) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            lines.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
            if (lines.get(lines.size() - 1).contains(marker)) {
                return lines;
            }
        }
        throw new AssertionError("dockmock ended before printing \"" + marker + "\":\n" + String.join("\n", lines));
    }
}
