package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageConfig;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's configuration: the create request merged with its image's defaults, kept as the
 * JSON that inspect shows ({@code Config}, {@code HostConfig}) with typed reads of what the
 * engine acts on.
 *
 * @param config the {@code Config} document
 * @param hostConfig the {@code HostConfig} document
 */
public record ContainerSpec(ObjectNode config, ObjectNode hostConfig) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Merges a create body with the image's config as dockerd does.
     *
     * @param imageName the image as the client named it
     * @throws DockerException 400 for values dockerd refuses
     */
    public static ContainerSpec create(JsonNode body, Image image, String imageName, String hostname) {
        ObjectNode config = body.isObject() ? ((ObjectNode) body).deepCopy() : NODES.objectNode();
        ObjectNode host = config.has("HostConfig") && config.get("HostConfig").isObject()
                ? (ObjectNode) config.remove("HostConfig") : NODES.objectNode();
        config.remove("HostConfig");
        config.remove("NetworkingConfig");
        ImageConfig defaults = image.config();
        config.put("Image", imageName);
        if (text(config, "Hostname").isEmpty()) {
            config.put("Hostname", hostname);
        }
        putDefault(config, "Domainname", "");
        putDefault(config, "User", defaults.user());
        for (String flag : List.of("AttachStdin", "AttachStdout", "AttachStderr", "Tty", "OpenStdin", "StdinOnce")) {
            config.put(flag, config.path(flag).asBoolean(false));
        }
        boolean entrypointGiven = config.has("Entrypoint") && !config.get("Entrypoint").isNull();
        if (!entrypointGiven) {
            config.set("Entrypoint", array(defaults.entrypoint()));
        } else if (config.get("Entrypoint").isTextual()) {
            config.set("Entrypoint", array(List.of(config.get("Entrypoint").asText())));
        }
        if (!config.has("Cmd") || config.get("Cmd").isNull() || (config.get("Cmd").isArray() && config.get("Cmd").isEmpty() && !entrypointGiven)) {
            config.set("Cmd", entrypointGiven ? NODES.arrayNode() : array(defaults.cmd()));
        } else if (config.get("Cmd").isTextual()) {
            config.set("Cmd", array(List.of(config.get("Cmd").asText())));
        }
        config.set("Env", array(mergeEnv(defaults.env(), strings(config.path("Env")))));
        ObjectNode labels = NODES.objectNode();
        defaults.labels().forEach(labels::put);
        config.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        config.set("Labels", labels);
        ObjectNode exposed = NODES.objectNode();
        defaults.exposedPorts().forEach(p -> exposed.set(normalisePort(p), NODES.objectNode()));
        config.path("ExposedPorts").fieldNames().forEachRemaining(p -> exposed.set(normalisePort(p), NODES.objectNode()));
        host.path("PortBindings").fieldNames().forEachRemaining(p -> exposed.set(normalisePort(p), NODES.objectNode()));
        if (exposed.isEmpty()) {
            config.remove("ExposedPorts");
        } else {
            config.set("ExposedPorts", exposed);
        }
        putDefault(config, "WorkingDir", defaults.workingDir());
        if (!defaults.stopSignal().isEmpty()) {
            putDefault(config, "StopSignal", defaults.stopSignal());
        }
        if (!defaults.volumes().isEmpty() && !config.has("Volumes")) {
            ObjectNode volumes = NODES.objectNode();
            defaults.volumes().forEach(v -> volumes.set(v, NODES.objectNode()));
            config.set("Volumes", volumes);
        }
        if (!config.has("Healthcheck") && !defaults.healthcheck().isEmpty()) {
            config.set("Healthcheck", NODES.objectNode().set("Test", array(defaults.healthcheck())));
        }
        HostConfigDefaults.apply(host);
        return new ContainerSpec(config, host);
    }

    /** The command line the container runs: entrypoint followed by cmd. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>(strings(config.path("Entrypoint")));
        argv.addAll(strings(config.path("Cmd")));
        return argv;
    }

    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : strings(config.path("Env"))) {
            int eq = entry.indexOf('=');
            env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return env;
    }

    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    public boolean tty() {
        return config.path("Tty").asBoolean(false);
    }

    public boolean openStdin() {
        return config.path("OpenStdin").asBoolean(false);
    }

    public boolean stdinOnce() {
        return config.path("StdinOnce").asBoolean(false);
    }

    public String hostname() {
        return text(config, "Hostname");
    }

    public String workingDir() {
        String dir = text(config, "WorkingDir");
        return dir.isEmpty() ? "/" : dir;
    }

    public String stopSignal() {
        return text(config, "StopSignal");
    }

    public boolean autoRemove() {
        return hostConfig.path("AutoRemove").asBoolean(false);
    }

    public String networkMode() {
        return hostConfig.path("NetworkMode").asText("bridge");
    }

    public String restartPolicy() {
        return hostConfig.path("RestartPolicy").path("Name").asText("no");
    }

    public int maxRetries() {
        return hostConfig.path("RestartPolicy").path("MaximumRetryCount").asInt(0);
    }

    /** Exposed ports ({@code 80/tcp}) in order. */
    public List<String> exposedPorts() {
        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        return ports;
    }

    static String normalisePort(String port) {
        return port.contains("/") ? port : port + "/tcp";
    }

    static List<String> strings(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> list.add(n.asText()));
        }
        return list;
    }

    private static List<String> mergeEnv(List<String> image, List<String> given) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (List<String> source : List.of(image, given)) {
            for (String entry : source) {
                int eq = entry.indexOf('=');
                merged.put(eq < 0 ? entry : entry.substring(0, eq), entry);
            }
        }
        return new ArrayList<>(merged.values());
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static void putDefault(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.fields();
    }
}
