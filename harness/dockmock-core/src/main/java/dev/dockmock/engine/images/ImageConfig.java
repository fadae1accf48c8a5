package dev.dockmock.engine.images;

import java.util.List;
import java.util.Map;

/**
 * What an image says about the containers made from it (the {@code Config} of image inspect).
 *
 * @param cmd default command
 * @param entrypoint entrypoint, empty when none
 * @param env environment, {@code NAME=value}
 * @param exposedPorts ports such as {@code 80/tcp}
 * @param workingDir working directory, empty for {@code /}
 * @param user user, empty for root
 * @param labels labels
 * @param stopSignal signal {@code docker stop} sends, empty for SIGTERM
 * @param volumes declared volume paths
 * @param healthcheck the image's health check test ({@code ["CMD-SHELL", "..."]}), empty when none
 */
public record ImageConfig(List<String> cmd, List<String> entrypoint, List<String> env, List<String> exposedPorts,
        String workingDir, String user, Map<String, String> labels, String stopSignal, List<String> volumes,
        List<String> healthcheck) {

    public ImageConfig {
        cmd = List.copyOf(cmd);
        entrypoint = List.copyOf(entrypoint);
        env = List.copyOf(env);
        exposedPorts = List.copyOf(exposedPorts);
        labels = Map.copyOf(labels);
        volumes = List.copyOf(volumes);
        healthcheck = List.copyOf(healthcheck);
    }

    /** A config with only a command and the usual PATH. */
    public static ImageConfig command(String... cmd) {
        return new ImageConfig(List.of(cmd), List.of(), List.of(DEFAULT_PATH), List.of(), "", "", Map.of(), "", List.of(),
                List.of());
    }

    public static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public ImageConfig withCmd(List<String> newCmd) {
        return new ImageConfig(newCmd, entrypoint, env, exposedPorts, workingDir, user, labels, stopSignal, volumes, healthcheck);
    }

    public ImageConfig withEntrypoint(List<String> newEntrypoint) {
        return new ImageConfig(cmd, newEntrypoint, env, exposedPorts, workingDir, user, labels, stopSignal, volumes, healthcheck);
    }
}
