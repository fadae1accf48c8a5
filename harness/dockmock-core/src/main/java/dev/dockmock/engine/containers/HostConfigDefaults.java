package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.protocol.DockerException;
import java.util.Set;

/** The {@code HostConfig} fields dockerd fills in and checks when a container is created. */
final class HostConfigDefaults {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> RESTART_POLICIES = Set.of("", "no", "always", "unless-stopped", "on-failure");

    private HostConfigDefaults() {
    }

    /** Checks {@code host} and fills in what dockerd fills in. */
    static void apply(ObjectNode host) {
        check(host);
        fill(host);
    }

    /**
     * dockerd's checks of a {@code HostConfig} at create and update, with its messages.
     *
     * @throws DockerException 400 for a value dockerd refuses
     */
    static void check(JsonNode host) {
        JsonNode restart = host.path("RestartPolicy");
        String policy = restart.isObject() ? restart.path("Name").asText("") : "";
        if (!RESTART_POLICIES.contains(policy)) {
            throw new DockerException(400, "invalid restart policy: unknown policy '" + policy
                    + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
        }
        int retries = restart.isObject() ? restart.path("MaximumRetryCount").asInt(0) : 0;
        if (retries < 0) {
            throw new DockerException(400, "invalid restart policy: maximum retry count can't be negative");
        }
        if (retries > 0 && !policy.equals("on-failure")) {
            throw new DockerException(400, "invalid restart policy: maximum retry count can only be used with 'on-failure'");
        }
        if (host.path("AutoRemove").asBoolean(false) && !policy.isEmpty() && !policy.equals("no")) {
            throw new DockerException(400, "conflicting options: cannot specify both --restart and --rm");
        }
        checkResources(host);
    }

    /** Fills in what dockerd fills in; {@code host} passed {@link #check}. */
    static void fill(ObjectNode host) {
        String mode = host.path("NetworkMode").asText("");
        host.put("NetworkMode", mode.isEmpty() || mode.equals("default") ? "bridge" : mode);
        ObjectNode restart = host.has("RestartPolicy") && host.get("RestartPolicy").isObject()
                ? (ObjectNode) host.get("RestartPolicy") : NODES.objectNode();
        String policy = restart.path("Name").asText("");
        restart.put("Name", policy.isEmpty() ? "no" : policy);
        restart.put("MaximumRetryCount", restart.path("MaximumRetryCount").asInt(0));
        host.set("RestartPolicy", restart);
        if (!host.has("LogConfig")) {
            host.set("LogConfig", NODES.objectNode().put("Type", "json-file").set("Config", NODES.objectNode()));
        }
        putIfMissing(host, "AutoRemove", false);
        putIfMissing(host, "Privileged", false);
        putIfMissing(host, "PublishAllPorts", false);
        putIfMissing(host, "ReadonlyRootfs", false);
        if (!host.has("PortBindings") || host.get("PortBindings").isNull()) {
            host.set("PortBindings", NODES.objectNode());
        }
        if (!host.has("ShmSize")) {
            host.put("ShmSize", 67108864L);
        }
        if (!host.has("Binds")) {
            host.putNull("Binds");
        }
    }

    /**
     * dockerd's checks of the resource limits, with its messages: a memory limit under 6 MB
     * (negative included), a CPU count outside what the host has, a negative SHM size.
     */
    static void checkResources(JsonNode host) {
        long memory = host.path("Memory").asLong(0);
        if (memory != 0 && memory < 6 * 1024 * 1024) {
            throw new DockerException(400, "Minimum memory limit allowed is 6MB");
        }
        long nanoCpus = host.path("NanoCpus").asLong(0);
        // asked only when a limit is set: under a container runtime the JVM reads cgroup files for it
        int cpus = nanoCpus == 0 ? 0 : Runtime.getRuntime().availableProcessors();
        if (nanoCpus < 0 || nanoCpus > cpus * 1_000_000_000L) {
            throw new DockerException(400, "Range of CPUs is from 0.01 to " + cpus + ".00, as there are only " + cpus
                    + " CPUs available");
        }
        if (host.path("ShmSize").asLong(0) < 0) {
            throw new DockerException(400, "SHM size can not be less than 0");
        }
        for (String field : new String[] {"MemorySwap", "CpuShares", "PidsLimit"}) {
            long value = host.path(field).asLong(0);
            if (value < -1 || value == -1 && field.equals("CpuShares")) {
                throw new DockerException(400, "invalid " + field + ": must not be negative, got " + value);
            }
        }
    }

    private static void putIfMissing(ObjectNode host, String field, boolean value) {
        if (!host.has(field) || host.get(field).isNull()) {
            host.put(field, value);
        }
    }
}
