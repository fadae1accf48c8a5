package dev.dockmock.clients.scripted;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a client script from the test resources ({@code clients/<language>/<name>}) with an
 * interpreter, pointed at a dockmock by {@code DOCKER_HOST}, and collects what it printed.
 */
public final class ScriptedClient {
    private final List<String> interpreter;
    private final Map<String, String> environment;

    /**
     * @param interpreter the command before the script's path, e.g. {@code [python3]}
     * @param environment added to the inherited environment (e.g. {@code NODE_PATH})
     */
    public ScriptedClient(List<String> interpreter, Map<String, String> environment) {
        this.interpreter = List.copyOf(interpreter);
        this.environment = Map.copyOf(environment);
    }

    /**
     * Runs {@code resource} against {@code dockerHost}; a script still running after
     * {@code timeout} is killed and reported with exit code -1.
     */
    public ScriptRun run(String resource, String dockerHost, Duration timeout) throws IOException, InterruptedException {
        Path script = copyOut(resource);
        try {
            List<String> command = new ArrayList<>(interpreter);
            command.add(script.toString());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            builder.environment().put("DOCKER_HOST", dockerHost);
            builder.environment().remove("DOCKER_TLS_VERIFY");
            builder.environment().remove("DOCKER_CERT_PATH");
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            int exit = -1;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = process.exitValue();
            } else {
                process.destroyForcibly().waitFor();
            }
            return new ScriptRun(command, exit, out.join(), err.join());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static Path copyOut(String resource) throws IOException {
        try (InputStream in = ScriptedClient.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            String name = Path.of(resource).getFileName().toString();
            Path file = Files.createTempFile("dockmock-client-", "-" + name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
