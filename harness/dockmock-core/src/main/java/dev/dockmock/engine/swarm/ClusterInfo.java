package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The swarm itself, as {@code GET /swarm} shows it.
 *
 * @param id the cluster id
 * @param meta version and times
 * @param spec the {@code SwarmSpec}
 * @param caDigest the CA part of the join tokens
 * @param workerToken the token that joins a worker
 * @param managerToken the token that joins a manager
 * @param unlockKey the key that unlocks an auto-locked manager, empty when auto-lock is off
 * @param defaultAddrPool the pools overlay networks take subnets from
 * @param subnetSize the prefix length of those subnets
 * @param dataPathPort the VXLAN port
 * @param trustRoot the root CA
 */
record ClusterInfo(String id, Meta meta, ObjectNode spec, String caDigest, String workerToken, String managerToken,
        String unlockKey, List<String> defaultAddrPool, int subnetSize, int dataPathPort, TrustRoot trustRoot) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    ClusterInfo {
        defaultAddrPool = List.copyOf(defaultAddrPool);
    }

    /** swarmkit's default spec, with the fields of {@code given} that are set laid over it. */
    static ObjectNode specWithDefaults(JsonNode given) {
        ObjectNode spec = NODES.objectNode();
        spec.put("Name", "default");
        spec.set("Labels", NODES.objectNode());
        spec.set("Orchestration", NODES.objectNode().put("TaskHistoryRetentionLimit", 5));
        spec.set("Raft", NODES.objectNode().put("SnapshotInterval", 10000).put("KeepOldSnapshots", 0)
                .put("LogEntriesForSlowFollowers", 500).put("ElectionTick", 10).put("HeartbeatTick", 1));
        spec.set("Dispatcher", NODES.objectNode().put("HeartbeatPeriod", 5_000_000_000L));
        spec.set("CAConfig", NODES.objectNode().put("NodeCertExpiry", 7_776_000_000_000_000L));
        spec.set("TaskDefaults", NODES.objectNode());
        spec.set("EncryptionConfig", NODES.objectNode().put("AutoLockManagers", false));
        if (given != null && given.isObject()) {
            overlay(spec, given);
        }
        return spec;
    }

    /** Lays the set fields of {@code given} over {@code base}, as dockerd merges a spec into the current one. */
    private static void overlay(ObjectNode base, JsonNode given) {
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            JsonNode current = base.get(field.getKey());
            if (value.isObject() && current != null && current.isObject()) {
                overlay((ObjectNode) current, value);
            } else if (!value.isNull() && !(value.isTextual() && value.asText().isEmpty())
                    && !(value.isNumber() && value.asLong() == 0 && current != null)) {
                base.set(field.getKey(), value.deepCopy());
            }
        }
    }

    int taskHistoryLimit() {
        return spec.path("Orchestration").path("TaskHistoryRetentionLimit").asInt(5);
    }

    boolean autoLock() {
        return spec.path("EncryptionConfig").path("AutoLockManagers").asBoolean(false);
    }

    ClusterInfo with(ObjectNode newSpec, String newWorker, String newManager, String newUnlockKey, Meta newMeta) {
        return new ClusterInfo(id, newMeta, newSpec, caDigest, newWorker, newManager, newUnlockKey, defaultAddrPool, subnetSize,
                dataPathPort, trustRoot);
    }

    /** The same swarm with a new root CA, whose digest {@code newCaDigest} the new join tokens carry. */
    ClusterInfo withRoot(TrustRoot newRoot, String newCaDigest, String newWorker, String newManager) {
        return new ClusterInfo(id, meta, spec, newCaDigest, newWorker, newManager, unlockKey, defaultAddrPool, subnetSize,
                dataPathPort, newRoot);
    }

    /** The {@code Cluster} of {@code /info}: the swarm without its join tokens. */
    Map<String, Object> infoDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ID", id);
        meta.putInto(doc);
        doc.put("Spec", spec);
        doc.put("TLSInfo", trustRoot.document());
        doc.put("RootRotationInProgress", false);
        doc.put("DefaultAddrPool", defaultAddrPool);
        doc.put("SubnetSize", subnetSize);
        doc.put("DataPathPort", dataPathPort);
        return doc;
    }

    /** The document of {@code GET /swarm}. */
    Map<String, Object> document() {
        Map<String, Object> doc = infoDocument();
        doc.put("JoinTokens", Map.of("Worker", workerToken, "Manager", managerToken));
        return doc;
    }
}
