package dev.dockmock.admin;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.EngineFaults;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.images.Image;
import dev.dockmock.faults.FaultRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state document of {@code GET /_dockmock/state}: what is active, what the engine holds, what faults wait. */
final class StateDump {

    private StateDump() {
    }

    static Map<String, Object> of(DockMockControl control) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("dispatcher", control.activeName());
        EngineContext context = control.engine().context();
        List<Map<String, Object>> containers = new ArrayList<>();
        List<List<String>> images = new ArrayList<>();
        synchronized (context.lock()) {
            for (Container c : control.engine().containers().all()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("id", c.id());
                doc.put("name", c.name());
                doc.put("image", c.spec().image());
                doc.put("state", c.status().toString().toLowerCase(java.util.Locale.ROOT));
                doc.put("exitCode", c.exitCode());
                doc.put("oomKilled", c.oomKilled());
                doc.put("health", c.health());
                doc.put("restartCount", c.restartCount());
                containers.add(doc);
            }
            for (Image image : context.images().all()) {
                images.add(image.repoTags());
            }
        }
        state.put("containers", containers);
        state.put("images", images);
        state.put("faults", faults(control.faults()));
        state.put("engineFaults", engineFaults(control.engine().faults()));
        control.swarm().ifPresent(swarm -> state.put("swarm", NodeFaultRoutes.document(swarm)));
        state.put("journal", Map.of("size", control.journal().size(), "capacity", control.journal().capacity()));
        return state;
    }

    static List<Map<String, Object>> faults(FaultRules rules) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (FaultRules.Status status : rules.list()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", status.rule().name());
            doc.put("match", status.rule().match().toString());
            doc.put("action", status.rule().action().toString());
            doc.put("applied", status.applied());
            doc.put("remaining", status.remaining() < 0 ? "every" : status.remaining());
            list.add(doc);
        }
        return list;
    }

    private static Map<String, Object> engineFaults(EngineFaults faults) {
        return Map.of("pulls", faults.pulls().stream().map(Object::toString).toList(),
                "containers", faults.containers().stream().map(Object::toString).toList());
    }
}
