package dev.dockmock.testing;

import dev.dockmock.engine.process.ShellWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A scripted docker CLI session read from a {@code .session} file (see
 * {@code fixtures/sessions/docker-cli.session}): one command per line, the arguments after
 * {@code docker} with shell-style quoting, and an optional first word {@code stdin:FILE} naming a
 * file beside the session file to pipe into the command. {@code scripts/record-fixtures} reads the
 * same format with bash.
 */
public final class CliSession {
    private static final String STDIN = "stdin:";

    /** One command: its arguments and what it reads on standard input (empty: nothing, /dev/null). */
    public record Command(List<String> args, Optional<byte[]> stdin) {
        @Override
        public String toString() {
            return "docker " + String.join(" ", args);
        }
    }

    private final Path file;
    private final List<Command> commands;

    private CliSession(Path file, List<Command> commands) {
        this.file = file;
        this.commands = List.copyOf(commands);
    }

    public static CliSession load(Path file) {
        try {
            List<Command> commands = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                List<String> words = ShellWords.split(trimmed);
                Optional<byte[]> stdin = Optional.empty();
                if (words.get(0).startsWith(STDIN)) {
                    stdin = Optional.of(Files.readAllBytes(file.resolveSibling(words.get(0).substring(STDIN.length()))));
                    words = words.subList(1, words.size());
                }
                commands.add(new Command(List.copyOf(words), stdin));
            }
            return new CliSession(file, commands);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    public List<Command> commands() {
        return commands;
    }

    /** Runs every command in order with {@code docker} (its host set by the caller). */
    public List<DockerCli.Result> run(DockerCli docker) throws IOException, InterruptedException {
        List<DockerCli.Result> results = new ArrayList<>();
        for (Command command : commands) {
            results.add(run(docker, command));
        }
        return results;
    }

    public static DockerCli.Result run(DockerCli docker, Command command) throws IOException, InterruptedException {
        String[] args = command.args().toArray(String[]::new);
        return command.stdin().isPresent() ? docker.runWithInput(command.stdin().get(), args) : docker.run(args);
    }

    /**
     * Reads a transcript written by {@code scripts/record-fixtures}: one line per command,
     * {@code EXIT<TAB>base64(stdout)<TAB>base64(stderr)}.
     */
    public static List<DockerCli.Result> readTranscript(Path file) throws IOException {
        List<DockerCli.Result> results = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException(file + ": not EXIT<TAB>STDOUT<TAB>STDERR: " + line);
            }
            results.add(new DockerCli.Result(Integer.parseInt(fields[0]), decode(fields[1]), decode(fields[2])));
        }
        return results;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** The repository's {@code fixtures/sessions} directory, found above the working directory. */
    public static Optional<Path> fixturesDir() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("fixtures/sessions");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
