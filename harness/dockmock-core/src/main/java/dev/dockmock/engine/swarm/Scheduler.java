package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places pending tasks on nodes as swarmkit's scheduler does: only nodes that are ready and
 * active, that satisfy the placement constraints, spreading a service's tasks over the nodes that
 * run fewest of them. When no node fits, the task stays pending with swarmkit's explanation.
 */
final class Scheduler {

    /**
     * Where a task goes.
     *
     * @param nodeId the chosen node, empty when none fits
     * @param err why none fits, empty when one does
     */
    record Placement(String nodeId, String err) {
    }

    private Scheduler() {
    }

    /**
     * Chooses a node for {@code task}, or for a global task checks the node it was made for.
     *
     * @param load the tasks the cluster wants running on each node, for spreading
     */
    static Placement place(Task task, Collection<SwarmNode> nodes, Load load) {
        List<String> constraints = constraints(task.spec());
        int unavailable = 0;
        int unsatisfied = 0;
        SwarmNode best = null;
        long bestLoad = Long.MAX_VALUE;
        Map<String, Integer> ofService = load.ofService(task.serviceId());
        for (SwarmNode node : nodes) {
            if (!task.nodeId().isEmpty() && !node.id().equals(task.nodeId())) {
                continue;
            }
            if (!node.schedulable()) {
                unavailable++;
                continue;
            }
            if (!satisfies(node, constraints)) {
                unsatisfied++;
                continue;
            }
            long weight = ofService.getOrDefault(node.id(), 0) * 100_000L + load.all(node.id());
            if (weight == 0) {
                // an idle node: nothing can beat it
                best = node;
                break;
            }
            if (weight < bestLoad) {
                best = node;
                bestLoad = weight;
            }
        }
        if (best != null) {
            return new Placement(best.id(), "");
        }
        List<String> reasons = new ArrayList<>();
        if (unsatisfied > 0) {
            reasons.add("scheduling constraints not satisfied on " + nodes(unsatisfied));
        }
        if (unavailable > 0) {
            reasons.add(nodes(unavailable) + " not available for new tasks");
        }
        return new Placement("", reasons.isEmpty() ? "no suitable node" : "no suitable node (" + String.join("; ", reasons) + ")");
    }

    /**
     * How many live tasks each node runs, in all and per service: counted in one pass over the
     * tasks and kept up to date as tasks are placed, so placing n tasks on m nodes costs n * m,
     * not n * m * tasks.
     */
    static final class Load {
        private final Map<String, Integer> all = new HashMap<>();
        private final Map<String, Map<String, Integer>> perService = new HashMap<>();

        static Load of(Collection<Task> tasks) {
            Load load = new Load();
            for (Task task : tasks) {
                if (task.live() && !task.nodeId().isEmpty()) {
                    load.add(task.nodeId(), task.serviceId());
                }
            }
            return load;
        }

        void add(String nodeId, String serviceId) {
            all.merge(nodeId, 1, Integer::sum);
            perService.computeIfAbsent(serviceId, k -> new HashMap<>()).merge(nodeId, 1, Integer::sum);
        }

        int all(String nodeId) {
            return all.getOrDefault(nodeId, 0);
        }

        /** The live tasks of one service on each node. */
        Map<String, Integer> ofService(String serviceId) {
            return perService.getOrDefault(serviceId, Map.of());
        }
    }

    private static String nodes(int count) {
        return count + (count == 1 ? " node" : " nodes");
    }

    static List<String> constraints(JsonNode taskTemplate) {
        List<String> list = new ArrayList<>();
        taskTemplate.path("Placement").path("Constraints").forEach(c -> list.add(c.asText()));
        return list;
    }

    /** Whether {@code node} satisfies every {@code key==value} / {@code key!=value} constraint. */
    static boolean satisfies(SwarmNode node, List<String> constraints) {
        for (String constraint : constraints) {
            boolean negated = constraint.contains("!=");
            String[] parts = constraint.split(negated ? "!=" : "==", 2);
            if (parts.length != 2) {
                return false;
            }
            String value = attribute(node, parts[0].trim());
            boolean equal = value != null && value.equalsIgnoreCase(parts[1].trim());
            if (negated == equal) {
                return false;
            }
        }
        return true;
    }

    private static String attribute(SwarmNode node, String key) {
        Map<String, String> labels = node.labels();
        if (key.startsWith("node.labels.")) {
            return labels.get(key.substring("node.labels.".length()));
        }
        return switch (key) {
            case "node.id" -> node.id();
            case "node.hostname" -> node.hostname();
            case "node.role" -> node.role();
            case "node.platform.os" -> "linux";
            case "node.platform.arch" -> "x86_64";
            default -> null;
        };
    }
}
