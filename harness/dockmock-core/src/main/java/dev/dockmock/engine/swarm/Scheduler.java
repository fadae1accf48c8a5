package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

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
     * Chooses nodes for {@code count} pending tasks of one replicated service that share
     * {@code constraints}, in one pass: the nodes that may take them go into a heap ordered by
     * (tasks of this service, tasks in all, place in the node list), and each task takes the top
     * node, whose counts then grow. Placing k tasks on m nodes costs m + k log m, and gives the
     * same choice as placing them one by one on the least loaded node.
     *
     * @param load the tasks the cluster wants running on each node; updated as tasks are placed
     * @return one placement per task, in order
     */
    static List<Placement> placeBatch(String serviceId, List<String> constraints, int count, Collection<SwarmNode> nodes,
            Load load) {
        int unavailable = 0;
        int unsatisfied = 0;
        PriorityQueue<Candidate> heap = new PriorityQueue<>();
        int order = 0;
        for (SwarmNode node : nodes) {
            order++;
            if (!node.schedulable()) {
                unavailable++;
            } else if (!constraints.isEmpty() && !satisfies(node, constraints)) {
                unsatisfied++;
            } else {
                heap.add(new Candidate(load.weight(node.id(), serviceId), order, node.id()));
            }
        }
        List<Placement> placements = new ArrayList<>(count);
        if (heap.isEmpty()) {
            Placement none = new Placement("", noSuitableNode(unsatisfied, unavailable));
            for (int i = 0; i < count; i++) {
                placements.add(none);
            }
            return placements;
        }
        for (int i = 0; i < count; i++) {
            Candidate best = heap.poll();
            placements.add(new Placement(best.nodeId(), ""));
            load.add(best.nodeId(), serviceId);
            heap.add(new Candidate(load.weight(best.nodeId(), serviceId), best.order(), best.nodeId()));
        }
        return placements;
    }

    /** Checks the node a global service's task was made for. */
    static Placement placeOn(SwarmNode node, List<String> constraints) {
        if (node == null) {
            return new Placement("", "no suitable node");
        }
        if (!node.schedulable()) {
            return new Placement("", noSuitableNode(0, 1));
        }
        if (!satisfies(node, constraints)) {
            return new Placement("", noSuitableNode(1, 0));
        }
        return new Placement(node.id(), "");
    }

    /** A node that may take a task, ordered by its load and then by its place in the node list. */
    private record Candidate(long weight, int order, String nodeId) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate other) {
            int byWeight = Long.compare(weight, other.weight);
            return byWeight != 0 ? byWeight : Integer.compare(order, other.order);
        }
    }

    static String noSuitableNode(int unsatisfied, int unavailable) {
        List<String> reasons = new ArrayList<>();
        if (unsatisfied > 0) {
            reasons.add("scheduling constraints not satisfied on " + nodes(unsatisfied));
        }
        if (unavailable > 0) {
            reasons.add(nodes(unavailable) + " not available for new tasks");
        }
        return reasons.isEmpty() ? "no suitable node" : "no suitable node (" + String.join("; ", reasons) + ")";
    }

    /**
     * How many live tasks each node runs, in all and per service: counted in one pass over the
     * tasks and kept up to date as tasks are placed.
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

        /** How many tasks of {@code serviceId} the cluster wants on {@code nodeId}. */
        int ofService(String nodeId, String serviceId) {
            return perService.getOrDefault(serviceId, Map.of()).getOrDefault(nodeId, 0);
        }

        /** How loaded {@code nodeId} is for a task of {@code serviceId}: its tasks of that service first, then all its tasks. */
        long weight(String nodeId, String serviceId) {
            int ofService = perService.getOrDefault(serviceId, Map.of()).getOrDefault(nodeId, 0);
            return ofService * 100_000L + all.getOrDefault(nodeId, 0);
        }
    }

    private static String nodes(int count) {
        return count + (count == 1 ? " node" : " nodes");
    }

    /** The spread descriptors of the template's placement preferences, outermost first. */
    static List<String> spreads(JsonNode taskTemplate) {
        List<String> list = new ArrayList<>();
        taskTemplate.path("Placement").path("Preferences")
                .forEach(p -> list.add(p.path("Spread").path("SpreadDescriptor").asText()));
        list.removeIf(String::isEmpty);
        return list;
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

    static String attribute(SwarmNode node, String key) {
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
