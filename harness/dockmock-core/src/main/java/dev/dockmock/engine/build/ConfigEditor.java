package dev.dockmock.engine.build;

import dev.dockmock.engine.files.FilePaths;
import dev.dockmock.engine.images.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An image config being changed by Dockerfile instructions: {@code ENV}, {@code LABEL},
 * {@code CMD}, {@code ENTRYPOINT}, {@code EXPOSE}, {@code WORKDIR}, {@code USER}, {@code VOLUME},
 * {@code STOPSIGNAL}, {@code HEALTHCHECK}, {@code SHELL}, {@code MAINTAINER} and {@code ONBUILD}.
 * Used by the builder and by {@code docker commit --change}.
 */
final class ConfigEditor {
    static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    List<String> cmd;
    List<String> entrypoint;
    final Map<String, String> env = new LinkedHashMap<>();
    final Set<String> ports = new LinkedHashSet<>();
    String workingDir;
    String user;
    final Map<String, String> labels = new LinkedHashMap<>();
    String stopSignal;
    final Set<String> volumes = new LinkedHashSet<>();
    List<String> healthcheck;
    List<String> shell = DEFAULT_SHELL;
    boolean cmdSet;
    String author = "";

    ConfigEditor(ImageConfig config) {
        cmd = config.cmd();
        entrypoint = config.entrypoint();
        for (String entry : config.env()) {
            int eq = entry.indexOf('=');
            env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        config.exposedPorts().forEach(p -> ports.add(port(p)));
        workingDir = config.workingDir();
        user = config.user();
        labels.putAll(config.labels());
        stopSignal = config.stopSignal();
        volumes.addAll(config.volumes());
        healthcheck = config.healthcheck();
    }

    ImageConfig toConfig() {
        List<String> envList = new ArrayList<>();
        env.forEach((k, v) -> envList.add(k + "=" + v));
        return new ImageConfig(cmd, entrypoint, envList, List.copyOf(ports), workingDir, user, labels, stopSignal,
                List.copyOf(volumes), healthcheck);
    }

    /**
     * Applies one metadata instruction.
     *
     * @param vars what variables expand to (environment and build arguments)
     * @return the history line dockerd records for it
     */
    String apply(Instruction instruction, Map<String, String> vars, Words words) {
        String args = instruction.args();
        switch (instruction.keyword()) {
            case "ENV" -> env.putAll(words.keyValues(args, vars, instruction));
            case "LABEL" -> labels.putAll(words.keyValues(args, vars, instruction));
            case "CMD" -> {
                cmd = execOrShell(instruction);
                cmdSet = true;
            }
            case "ENTRYPOINT" -> {
                entrypoint = execOrShell(instruction);
                if (!cmdSet) {
                    cmd = List.of();
                }
            }
            case "EXPOSE" -> words.split(args, vars).forEach(p -> ports.add(port(p)));
            case "WORKDIR" -> workingDir = workdir(words.expand(args, vars));
            case "USER" -> user = words.expand(args, vars);
            case "VOLUME" -> volumes.addAll(instruction.execForm().orElseGet(() -> words.split(args, vars)));
            case "STOPSIGNAL" -> stopSignal = words.expand(args, vars);
            case "HEALTHCHECK" -> healthcheck = healthcheck(instruction);
            case "SHELL" -> shell = instruction.execForm().orElseThrow(() -> Dockerfile.parseError(instruction.line(),
                    "SHELL requires the arguments to be in JSON form"));
            case "MAINTAINER" -> author = args;
            case "ONBUILD" -> {
                // kept by dockerd for child builds; dockmock's image config has no place for triggers
            }
            default -> throw new IllegalArgumentException("not a metadata instruction: " + instruction.keyword());
        }
        return "/bin/sh -c #(nop) " + (instruction.keyword().equals("WORKDIR") ? "" : " ") + instruction.original();
    }

    /** The working directory a relative {@code WORKDIR} or destination resolves against. */
    String workdir(String dir) {
        String base = workingDir == null || workingDir.isEmpty() ? "/" : workingDir;
        return FilePaths.clean(dir.startsWith("/") ? dir : base + "/" + dir);
    }

    List<String> execOrShell(Instruction instruction) {
        if (instruction.args().isEmpty()) {
            return List.of();
        }
        return instruction.execForm().orElseGet(() -> {
            List<String> argv = new ArrayList<>(shell);
            argv.add(instruction.args());
            return argv;
        });
    }

    private List<String> healthcheck(Instruction instruction) {
        String args = instruction.args().strip();
        if (args.equalsIgnoreCase("NONE")) {
            return List.of("NONE");
        }
        String[] parts = args.split("\\s+", 2);
        if (!parts[0].equalsIgnoreCase("CMD") || parts.length < 2) {
            throw Dockerfile.parseError(instruction.line(), "Unknown type \"" + parts[0].toUpperCase(java.util.Locale.ROOT)
                    + "\" in HEALTHCHECK (try CMD)");
        }
        List<String> test = new ArrayList<>();
        Instruction.jsonArray(parts[1]).ifPresentOrElse(exec -> {
            test.add("CMD");
            test.addAll(exec);
        }, () -> {
            test.add("CMD-SHELL");
            test.add(parts[1]);
        });
        return test;
    }

    private static String port(String port) {
        return port.contains("/") ? port : port + "/tcp";
    }
}
