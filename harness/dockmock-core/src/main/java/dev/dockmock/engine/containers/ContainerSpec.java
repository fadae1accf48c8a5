package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageConfig;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container's configuration: the create request merged with its image's defaults, with typed
 * reads of what the engine acts on.
 *
 * <p>It keeps the create body as the bytes the client sent, and builds the documents inspect
 * shows ({@code Config}, {@code HostConfig}) the first time anything reads them. A container
 * nobody inspects or starts then costs a few hundred bytes instead of a few kilobytes of JSON
 * tree; the body was checked when the container was created, so building later cannot fail.
 */
public final class ContainerSpec {
    private final byte[] body;
    private final ImageConfig defaults;
    private final String image;
    private final String hostname;
    private final String id;
    private final Map<String, String> labels;
    private final String networkMode;
    private volatile Documents documents;

    /** The {@code Config} and {@code HostConfig} documents. */
    record Documents(ObjectNode config, ObjectNode hostConfig) {
    }

    private ContainerSpec(byte[] body, ImageConfig defaults, String image, String hostname, String id, Map<String, String> labels,
            String networkMode) {
        this.id = id;
        this.networkMode = networkMode;
        this.body = body;
        this.defaults = defaults;
        this.image = image;
        this.hostname = hostname;
        this.labels = labels;
    }

    /**
     * Checks a create body and keeps it with what the image adds, as dockerd merges them.
     *
     * @param parsed {@code raw} parsed (an object)
     * @param raw the body as sent; kept, so the caller must not change it afterwards
     * @param imageName the image as the client named it
     * @param id the container's id, whose first 12 characters are the hostname when the body names none
     * @param daemonHostname the daemon's host name ({@code docker info}'s {@code Name}), which a
     *     {@code --network host} container takes when the body names none, as with dockerd
     * @throws DockerException 400 for values dockerd refuses
     */
    public static ContainerSpec create(JsonNode parsed, byte[] raw, Image image, String imageName, String id,
            String daemonHostname) {
        Objects.requireNonNull(raw, "raw");
        JsonNode host = parsed.path("HostConfig");
        HostConfigDefaults.check(host.isObject() ? host : MissingNode.getInstance());
        JsonNode given = parsed.get("Hostname");
        String hostname = given == null || given.isNull() || given.asText().isEmpty() ? null : given.asText();
        ImageConfig defaults = image.config();
        Map<String, String> labels;
        JsonNode bodyLabels = parsed.path("Labels");
        if (defaults.labels().isEmpty() && bodyLabels.isEmpty()) {
            labels = Map.of();
        } else {
            Map<String, String> merged = new LinkedHashMap<>(defaults.labels());
            bodyLabels.fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue().asText()));
            labels = Collections.unmodifiableMap(merged);
        }
        String mode = host.path("NetworkMode").asText("");
        if (hostname == null && mode.equals("host")) {
            hostname = daemonHostname;
        }
        return new ContainerSpec(raw, defaults, CommonStrings.canonical(imageName), hostname, id, labels,
                mode.isEmpty() || mode.equals("default") ? "bridge" : CommonStrings.canonical(mode));
    }

    /** The {@code Config} document; changes to it are the container's. */
    public ObjectNode config() {
        return documents().config();
    }

    /** The {@code HostConfig} document; changes to it are the container's. */
    public ObjectNode hostConfig() {
        return documents().hostConfig();
    }

    private Documents documents() {
        Documents built = documents;
        if (built == null) {
            synchronized (this) {
                built = documents;
                if (built == null) {
                    built = ConfigMerge.build(body, defaults, image, hostname(), labels);
                    documents = built;
                }
            }
        }
        return built;
    }

    /** Whether {@link #config()} or {@link #hostConfig()} has been read, so the documents exist. */
    boolean documentsBuilt() {
        return documents != null;
    }

    /** The image as the create named it ({@code Config.Image}). */
    public String image() {
        return image;
    }

    /** The command line the container runs: entrypoint followed by cmd. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>(ConfigValues.strings(config().path("Entrypoint")));
        argv.addAll(ConfigValues.strings(config().path("Cmd")));
        return argv;
    }

    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : ConfigValues.strings(config().path("Env"))) {
            int eq = entry.indexOf('=');
            env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return env;
    }

    /** The image's labels and the create's, which win (read-only). */
    public Map<String, String> labels() {
        return labels;
    }

    public boolean tty() {
        return config().path("Tty").asBoolean(false);
    }

    public boolean openStdin() {
        return config().path("OpenStdin").asBoolean(false);
    }

    public boolean stdinOnce() {
        return config().path("StdinOnce").asBoolean(false);
    }

    /** The body's {@code Hostname}, else the first 12 characters of the id. */
    public String hostname() {
        return hostname != null ? hostname : id.substring(0, Math.min(12, id.length()));
    }

    public String workingDir() {
        String dir = config().path("WorkingDir").asText("");
        return dir.isEmpty() ? "/" : dir;
    }

    public String stopSignal() {
        return config().path("StopSignal").asText("");
    }

    public boolean autoRemove() {
        return hostConfig().path("AutoRemove").asBoolean(false);
    }

    /** {@code HostConfig.NetworkMode}, {@code bridge} for the default (an update cannot change it). */
    public String networkMode() {
        return networkMode;
    }

    public String restartPolicy() {
        return hostConfig().path("RestartPolicy").path("Name").asText("no");
    }

    public int maxRetries() {
        return hostConfig().path("RestartPolicy").path("MaximumRetryCount").asInt(0);
    }

    /** Exposed ports ({@code 80/tcp}) in order. */
    public List<String> exposedPorts() {
        List<String> ports = new ArrayList<>();
        config().path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        return ports;
    }
}
