package dev.dockmock.engine.swarm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code Swarm} section of {@code GET /info} for an engine in a swarm, as dockerd shows it on a manager or a worker. */
final class SwarmInfoDocument {

    private SwarmInfoDocument() {
    }

    /**
     * The section for a locked manager, as dockerd shows it while its swarm node cannot start: no
     * node id (the node is not running), its address, and the lock as the error.
     */
    static Map<String, Object> locked(Membership member) {
        String addr = member.read((cluster, self) -> self == null ? "" : self.addr());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("NodeID", "");
        doc.put("NodeAddr", addr);
        doc.put("LocalNodeState", "locked");
        doc.put("ControlAvailable", false);
        doc.put("Error", ManagerLock.LOCKED);
        doc.put("RemoteManagers", null);
        return doc;
    }

    /** The section for {@code member}: a worker sees its own node and the managers; a manager also the counts and cluster. */
    static Map<String, Object> of(Membership member) {
        ClusterState cluster = member.cluster();
        synchronized (cluster.lock()) {
            SwarmNode self = cluster.nodes.get(member.nodeId());
            boolean manager = self != null && self.manager();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("NodeID", member.nodeId());
            doc.put("NodeAddr", self == null ? "" : self.addr());
            doc.put("LocalNodeState", "active");
            doc.put("ControlAvailable", manager);
            doc.put("Error", "");
            List<Map<String, Object>> managers = new ArrayList<>();
            for (SwarmNode node : cluster.nodes.values()) {
                if (node.manager() && node.state().equals("ready")) {
                    managers.add(Map.of("NodeID", node.id(), "Addr", node.managerAddr()));
                }
            }
            doc.put("RemoteManagers", managers);
            if (manager) {
                doc.put("Nodes", cluster.nodes.size());
                doc.put("Managers", managers.size());
                doc.put("Cluster", cluster.info().infoDocument());
            }
            return doc;
        }
    }
}
