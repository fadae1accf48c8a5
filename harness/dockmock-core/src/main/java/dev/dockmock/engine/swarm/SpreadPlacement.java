package dev.dockmock.engine.swarm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Placement with spread preferences ({@code --placement-pref spread=node.labels.zone}), as
 * swarmkit does it: a service's tasks are spread evenly over the values of the first descriptor,
 * then, within each value, over the values of the next, and so on; only then over the least loaded
 * nodes. Nodes without the label form one group of their own (the empty value).
 *
 * <p>Each task looks at every eligible node, so this costs nodes × tasks; preferences are for
 * topologies a test sets up, not for the thousand-node benchmark, which uses none.
 */
final class SpreadPlacement {

    private SpreadPlacement() {
    }

    static List<Scheduler.Placement> place(String serviceId, List<String> constraints, List<String> spreads, int count,
            Collection<SwarmNode> nodes, Scheduler.Load load) {
        List<SwarmNode> eligible = new ArrayList<>();
        int unavailable = 0;
        int unsatisfied = 0;
        for (SwarmNode node : nodes) {
            if (!node.schedulable()) {
                unavailable++;
            } else if (!constraints.isEmpty() && !Scheduler.satisfies(node, constraints)) {
                unsatisfied++;
            } else {
                eligible.add(node);
            }
        }
        List<Scheduler.Placement> placements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (eligible.isEmpty()) {
                placements.add(new Scheduler.Placement("", Scheduler.noSuitableNode(unsatisfied, unavailable)));
                continue;
            }
            SwarmNode best = best(serviceId, spreads, eligible, load);
            load.add(best.id(), serviceId);
            placements.add(new Scheduler.Placement(best.id(), ""));
        }
        return placements;
    }

    /** The node whose groups, level by level, hold fewest of the service's tasks; then the least loaded. */
    private static SwarmNode best(String serviceId, List<String> spreads, List<SwarmNode> eligible, Scheduler.Load load) {
        Map<String, Integer> groupTasks = new HashMap<>();
        for (SwarmNode node : eligible) {
            int tasks = load.ofService(node.id(), serviceId);
            String path = "";
            for (String descriptor : spreads) {
                path = path + '\u0000' + value(node, descriptor);
                groupTasks.merge(path, tasks, Integer::sum);
            }
        }
        SwarmNode best = null;
        long[] bestKey = null;
        for (SwarmNode node : eligible) {
            long[] key = new long[spreads.size() + 1];
            String path = "";
            for (int level = 0; level < spreads.size(); level++) {
                path = path + '\u0000' + value(node, spreads.get(level));
                key[level] = groupTasks.get(path);
            }
            key[spreads.size()] = load.weight(node.id(), serviceId);
            if (bestKey == null || lessThan(key, bestKey)) {
                best = node;
                bestKey = key;
            }
        }
        return best;
    }

    private static String value(SwarmNode node, String descriptor) {
        String value = Scheduler.attribute(node, descriptor);
        return value == null ? "" : value;
    }

    private static boolean lessThan(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i];
            }
        }
        return false;
    }
}
