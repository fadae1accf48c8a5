package dev.dockmock.scenario.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the real docker CLI with {@code DOCKER_HOST} set to dockmock.
 *
 * @param args the arguments after {@code docker}
 * @param stdin text piped to its standard input, if any
 * @param stdinFile a file piped to its standard input, if any
 * @param env more environment variables
 * @param until when set, the command runs again until its expectations hold or this long has passed
 */
public record DockerStep(String name, String client, Target target, List<String> args, Optional<String> stdin,
        Optional<Path> stdinFile, Map<String, String> env, Duration timeout, Duration until, Expect expect) implements Step {

    public DockerStep {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    @Override
    public String kind() {
        return "docker";
    }

    @Override
    public String command() {
        return "docker " + String.join(" ", args.stream().map(DockerStep::quoted).toList());
    }

    private static String quoted(String word) {
        return word.isEmpty() || word.chars().anyMatch(c -> " '\"$;&|<>()\\".indexOf(c) >= 0) ? "'" + word.replace("'", "'\\''") + "'"
                : word;
    }
}
