package dev.dockmock.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /_ping} and {@code /info} say about swarm mode: the {@code Swarm} header and the
 * {@code Swarm} section. The engine's swarm supplies it; a daemon without one is inactive.
 */
public interface SwarmStatus {

    /** The {@code Swarm} header of {@code /_ping}: {@code inactive}, {@code active/manager}, {@code active/worker}, ... */
    String pingState();

    /** The {@code Swarm} section of {@code /info}. */
    Map<String, Object> info();

    /** A daemon in no swarm. */
    SwarmStatus INACTIVE = new SwarmStatus() {
        @Override
        public String pingState() {
            return "inactive";
        }

        @Override
        public Map<String, Object> info() {
            return inactiveInfo();
        }
    };

    /** The {@code Swarm} section of a daemon in no swarm. */
    static Map<String, Object> inactiveInfo() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("NodeID", "");
        doc.put("NodeAddr", "");
        doc.put("LocalNodeState", "inactive");
        doc.put("ControlAvailable", false);
        doc.put("Error", "");
        doc.put("RemoteManagers", List.of());
        return doc;
    }
}
