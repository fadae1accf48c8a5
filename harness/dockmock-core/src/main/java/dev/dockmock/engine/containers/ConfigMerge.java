package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.images.ImageConfig;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code Config} and {@code HostConfig} documents inspect shows: a create body merged
 * with its image's config as dockerd merges them. The body was checked when the container was
 * created, so building cannot fail.
 */
final class ConfigMerge {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FLAGS = List.of("AttachStdin", "AttachStdout", "AttachStderr", "Tty", "OpenStdin",
            "StdinOnce");

    private ConfigMerge() {
    }

    /** The two documents, from the create body's bytes (parsed afresh, so the trees are this container's own). */
    static ContainerSpec.Documents build(byte[] body, ImageConfig defaults, String imageName, String hostname,
            Map<String, String> labels) {
        JsonNode parsed = Json.parse(body);
        ObjectNode config = parsed != null && parsed.isObject() ? (ObjectNode) parsed : NODES.objectNode();
        JsonNode hostNode = config.remove("HostConfig");
        ObjectNode host = hostNode != null && hostNode.isObject() ? (ObjectNode) hostNode : NODES.objectNode();
        config.remove("NetworkingConfig");
        config.put("Image", imageName);
        config.put("Hostname", hostname);
        putDefault(config, "Domainname", "");
        putUnlessGiven(config, "User", defaults.user());
        for (String flag : FLAGS) {
            config.put(flag, config.path(flag).asBoolean(false));
        }
        boolean entrypointGiven = config.hasNonNull("Entrypoint");
        if (!entrypointGiven) {
            config.set("Entrypoint", array(defaults.entrypoint()));
        } else if (config.get("Entrypoint").isTextual()) {
            config.set("Entrypoint", array(List.of(config.get("Entrypoint").asText())));
        }
        JsonNode cmd = config.get("Cmd");
        if (cmd == null || cmd.isNull() || (cmd.isArray() && cmd.isEmpty() && !entrypointGiven)) {
            config.set("Cmd", entrypointGiven ? NODES.arrayNode() : array(defaults.cmd()));
        } else if (cmd.isTextual()) {
            config.set("Cmd", array(List.of(cmd.asText())));
        }
        config.set("Env", array(mergeEnv(defaults.env(), ConfigValues.strings(config.path("Env")))));
        ObjectNode labelNode = NODES.objectNode();
        labels.forEach(labelNode::put);
        config.set("Labels", labelNode);
        ObjectNode exposed = NODES.objectNode();
        defaults.exposedPorts().forEach(p -> exposed.set(ConfigValues.normalisePort(p), NODES.objectNode()));
        config.path("ExposedPorts").fieldNames().forEachRemaining(p -> exposed.set(ConfigValues.normalisePort(p), NODES.objectNode()));
        host.path("PortBindings").fieldNames().forEachRemaining(p -> exposed.set(ConfigValues.normalisePort(p), NODES.objectNode()));
        if (exposed.isEmpty()) {
            config.remove("ExposedPorts");
        } else {
            config.set("ExposedPorts", exposed);
        }
        putUnlessGiven(config, "WorkingDir", defaults.workingDir());
        if (!defaults.stopSignal().isEmpty()) {
            putUnlessGiven(config, "StopSignal", defaults.stopSignal());
        }
        if (!defaults.volumes().isEmpty() && !config.has("Volumes")) {
            ObjectNode volumes = NODES.objectNode();
            defaults.volumes().forEach(v -> volumes.set(v, NODES.objectNode()));
            config.set("Volumes", volumes);
        }
        if (!config.has("Healthcheck") && !defaults.healthcheck().isEmpty()) {
            config.set("Healthcheck", NODES.objectNode().set("Test", array(defaults.healthcheck())));
        }
        HostConfigDefaults.fill(host);
        return new ContainerSpec.Documents(config, host);
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

    /**
     * The image's value where the create gave none or an empty one, as dockerd's merge does for
     * {@code User}, {@code WorkingDir} and {@code StopSignal} (the docker CLI always sends them,
     * empty when not set).
     */
    private static void putUnlessGiven(ObjectNode node, String field, String value) {
        if (node.path(field).asText("").isEmpty() && value != null) {
            node.put(field, value);
        }
    }

    private static void putDefault(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }
}
