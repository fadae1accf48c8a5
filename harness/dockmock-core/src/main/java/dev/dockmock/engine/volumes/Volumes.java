package dev.dockmock.engine.volumes;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.files.FileTree;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The engine's volumes, with the rules of dockerd's {@code local} driver for names and options,
 * and each volume's files: a tree of its own, empty when the volume is created and dropped with
 * it. Not thread-safe: callers hold the engine's lock. Creating and removing publish the
 * {@code volume create} and {@code volume destroy} events.
 */
public final class Volumes {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final Set<String> OPTIONS = Set.of("type", "o", "device", "size");

    private final EngineContext context;
    private final Map<String, Volume> byName = new LinkedHashMap<>();
    private final Map<String, FileTree> contents = new LinkedHashMap<>();

    public Volumes(EngineContext context) {
        this.context = context;
    }

    public Optional<Volume> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @throws DockerException 404 {@code get x: no such volume} */
    public Volume get(String name) {
        return find(name).orElseThrow(() -> new DockerException(404, "get " + name + ": no such volume"));
    }

    /** The files of the volume named {@code name}, which every container mounting it shares; empty when there is no such volume. */
    public Optional<FileTree> contents(String name) {
        return Optional.ofNullable(contents.get(name));
    }

    public List<Volume> all() {
        return new ArrayList<>(byName.values());
    }

    /**
     * Creates a volume, or returns the one that has the name already (as dockerd does, without
     * an event and ignoring the new labels). An empty name makes an anonymous volume.
     *
     * @param driver the driver asked for, empty for {@code local}
     * @throws DockerException 400 for a name or options the local driver refuses, 404 for another driver
     */
    public Volume create(String name, String driver, Map<String, String> options, Map<String, String> labels) {
        Map<String, String> allLabels = labels;
        if (name.isEmpty()) {
            name = context.ids().next();
            allLabels = new LinkedHashMap<>(labels == null ? Map.of() : labels);
            allLabels.put(Volume.ANONYMOUS_LABEL, "");
        }
        Volume existing = byName.get(name);
        if (existing != null) {
            if (!driver.isEmpty() && !driver.equals(existing.driver())) {
                throw new DockerException(409, "create " + name + ": volume name must be unique: driver '" + existing.driver()
                        + "' already has volume '" + name + "'");
            }
            return existing;
        }
        if (!driver.isEmpty() && !driver.equals("local")) {
            throw new DockerException(404, "create " + name + ": error looking up volume plugin " + driver + ": plugin \""
                    + driver + "\" not found");
        }
        check(name, options);
        Volume volume = new Volume(name, "local", context.clock().instant(), allLabels, options);
        byName.put(name, volume);
        contents.put(name, FileTree.empty(volume.createdAt()));
        context.events().publish("volume", "create", name, Map.of("driver", volume.driver()));
        context.changed();
        return volume;
    }

    /**
     * Refuses what dockerd's local driver refuses.
     *
     * @throws DockerException 400 {@code create x: ...}
     */
    public static void check(String name, Map<String, String> options) {
        if (name.length() == 1) {
            throw new DockerException(400, "create " + name
                    + ": volume name is too short, names should be at least two alphanumeric characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw new DockerException(400, "create " + name + ": \"" + name + "\" includes invalid characters for a local volume "
                    + "name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path");
        }
        if (options == null || options.isEmpty()) {
            return;
        }
        for (String option : options.keySet()) {
            if (!OPTIONS.contains(option)) {
                throw new DockerException(400, "create " + name + ": invalid option: \"" + option + "\"");
            }
        }
        if (options.containsKey("size")) {
            throw new DockerException(400, "create " + name + ": quota size requested but no quota support");
        }
        Map<String, List<String>> mandatory = Map.of("device", List.of("type"), "type", List.of("device"), "o", List.of("device", "type"));
        for (Map.Entry<String, List<String>> rule : mandatory.entrySet()) {
            for (String required : rule.getValue()) {
                if (options.containsKey(rule.getKey()) && !options.containsKey(required)) {
                    throw new DockerException(400, "create " + name + ": missing required option: \"" + required + "\"");
                }
            }
        }
    }

    /** Removes a volume nobody uses; the caller checks for users. */
    public void remove(Volume volume) {
        byName.remove(volume.name());
        contents.remove(volume.name());
        context.events().publish("volume", "destroy", volume.name(), Map.of("driver", volume.driver()));
        context.changed();
    }
}
