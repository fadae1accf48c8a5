package dev.dockmock.engine.swarm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of the swarm: an engine that runs tasks.
 *
 * @param id the node id
 * @param meta version and times
 * @param name the name given in its spec, empty when none
 * @param labels the labels of its spec ({@code node.labels.*} in constraints)
 * @param role {@code manager} or {@code worker}
 * @param availability {@code active}, {@code pause} or {@code drain}
 * @param hostname the engine's host name
 * @param engineVersion the engine's version
 * @param addr the address it is reached at (no port)
 * @param state {@code ready} or {@code down}
 * @param leader whether it is the managers' leader
 */
record SwarmNode(String id, Meta meta, String name, Map<String, String> labels, String role, String availability,
        String hostname, String engineVersion, String addr, String state, boolean leader) {

    static final int MANAGER_PORT = 2377;

    SwarmNode {
        labels = Map.copyOf(labels);
    }

    boolean manager() {
        return role.equals("manager");
    }

    /** Whether the scheduler may give it new tasks. */
    boolean schedulable() {
        return availability.equals("active") && state.equals("ready");
    }

    SwarmNode withSpec(String newName, Map<String, String> newLabels, String newRole, String newAvailability, Meta newMeta) {
        return new SwarmNode(id, newMeta, newName, newLabels, newRole, newAvailability, hostname, engineVersion, addr, state, leader);
    }

    SwarmNode withLeader(boolean newLeader, Meta newMeta) {
        return new SwarmNode(id, newMeta, name, labels, role, availability, hostname, engineVersion, addr, state, newLeader);
    }

    SwarmNode withState(String newState, Meta newMeta) {
        return new SwarmNode(id, newMeta, name, labels, role, availability, hostname, engineVersion, addr, newState, leader);
    }

    /** The node document of {@code GET /nodes}. */
    Map<String, Object> document(TrustRoot trustRoot) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ID", id);
        meta.putInto(doc);
        Map<String, Object> spec = new LinkedHashMap<>();
        if (!name.isEmpty()) {
            spec.put("Name", name);
        }
        spec.put("Labels", labels);
        spec.put("Role", role);
        spec.put("Availability", availability);
        doc.put("Spec", spec);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("Hostname", hostname);
        description.put("Platform", Map.of("Architecture", "x86_64", "OS", "linux"));
        description.put("Resources", Map.of("NanoCPUs", Runtime.getRuntime().availableProcessors() * 1_000_000_000L,
                "MemoryBytes", 8L * 1024 * 1024 * 1024));
        description.put("Engine", Map.of("EngineVersion", engineVersion, "Plugins", plugins()));
        description.put("TLSInfo", trustRoot.document());
        doc.put("Description", description);
        doc.put("Status", Map.of("State", state, "Addr", addr));
        if (manager()) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("Leader", leader);
            status.put("Reachability", state.equals("ready") ? "reachable" : "unreachable");
            status.put("Addr", managerAddr());
            doc.put("ManagerStatus", status);
        }
        return doc;
    }

    /** Where managers listen for each other: {@code addr:2377}. */
    String managerAddr() {
        return addr + ":" + MANAGER_PORT;
    }

    private static List<Map<String, String>> plugins() {
        return List.of(Map.of("Type", "Log", "Name", "json-file"), Map.of("Type", "Log", "Name", "local"),
                Map.of("Type", "Network", "Name", "bridge"), Map.of("Type", "Network", "Name", "host"),
                Map.of("Type", "Network", "Name", "null"), Map.of("Type", "Network", "Name", "overlay"),
                Map.of("Type", "Volume", "Name", "local"));
    }
}
