package dev.dockmock.engine;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The docker CLI run in a pseudo-terminal, as a user at a terminal runs {@code docker run -it}:
 * util-linux {@code script} gives it the pty and passes what the test types through it, as an
 * expect script does. {@link #awaitScreen} waits until the screen shows a text, so each line is
 * typed only once the prompt asks for it; a wait that never ends fails after 20 s.
 */
public final class TerminalCli implements AutoCloseable {
    private static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final long PATIENCE_MILLIS = 20_000;

    private final Process process;
    private final OutputStream keyboard;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Thread reader;

    private TerminalCli(Process process) {
        this.process = process;
        this.keyboard = process.getOutputStream();
        this.reader = new Thread(() -> copyScreen(process.getInputStream()), "terminal-cli-screen");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code docker args...} in a pty with {@code env} (DOCKER_HOST and a private HOME). */
    static TerminalCli start(Map<String, String> env, Path cwd, List<String> args) throws IOException {
        return start(env, cwd, 0, 0, args);
    }

    /** As {@link #start(Map, Path, List)} in a window of {@code rows} x {@code columns} (0 x 0: no size, as script gives). */
    static TerminalCli start(Map<String, String> env, Path cwd, int rows, int columns, List<String> args) throws IOException {
        assumeThat(Files.isExecutable(SCRIPT)).as("util-linux script at " + SCRIPT).isTrue();
        String size = rows > 0 ? "stty rows " + rows + " cols " + columns + "; " : "";
        String command = size + "exec " + String.join(" ", args.stream().map(TerminalCli::quote).toList());
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-eqc", command, "/dev/null").directory(cwd.toFile())
                .redirectErrorStream(true);
        List.of("DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_API_VERSION").forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        return new TerminalCli(builder.start());
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private void copyScreen(InputStream from) {
        byte[] buffer = new byte[4096];
        try {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                synchronized (screen) {
                    screen.write(buffer, 0, n);
                    screen.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Types {@code keys} (control characters included) at the terminal. */
    public TerminalCli type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        return this;
    }

    /** Waits until the screen, from its start, has shown {@code text} {@code times} times. */
    public TerminalCli awaitScreen(String text, int times) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        synchronized (screen) {
            while (count(screen(), text) < times) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("the terminal never showed " + times + " x " + visible(text) + "; it shows "
                            + visible(screen()));
                }
                screen.wait(left);
            }
        }
        return this;
    }

    private static int count(String in, String text) {
        int found = 0;
        for (int at = in.indexOf(text); at >= 0; at = in.indexOf(text, at + text.length())) {
            found++;
        }
        return found;
    }

    /** All the screen has shown so far. */
    public String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits for the CLI to end and the screen to show all it wrote; its exit code. */
    public int exitCode() throws InterruptedException {
        if (!process.waitFor(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker did not end; the terminal shows " + visible(screen()));
        }
        // the screen is complete only once its last bytes are read from the pipe
        reader.join(PATIENCE_MILLIS);
        return process.exitValue();
    }

    /** Control characters spelled out, for messages. */
    public static String visible(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\u001b", "\\e").replace("\b", "\\b");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
