package dev.dockmock.engine.process;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed awk program: its pattern-action rules in order, and the functions it defines by name.
 */
record AwkProgram(List<AwkNode.Rule> rules, Map<String, AwkNode.Function> functions) {

    AwkProgram {
        rules = List.copyOf(rules);
        functions = Map.copyOf(functions);
    }

    /**
     * The parameters {@code body} uses as arrays ({@code p[k]}, {@code k in p},
     * {@code for (k in p)}, {@code delete p}, {@code split(s, p)}): a caller passes those by
     * reference, creating its array when it has none yet.
     */
    static Set<String> usedAsArrays(List<AwkNode> body, List<String> params) {
        Set<String> used = new HashSet<>();
        body.forEach(node -> collect(node, used));
        used.retainAll(params);
        return Set.copyOf(used);
    }

    private static void collect(Object node, Set<String> used) {
        if (node instanceof AwkNode.Index index) {
            used.add(index.array());
        } else if (node instanceof AwkNode.In in) {
            used.add(in.array());
        } else if (node instanceof AwkNode.ForIn loop) {
            used.add(loop.array());
        } else if (node instanceof AwkNode.Delete delete) {
            used.add(delete.array());
        } else if (node instanceof AwkNode.Call call && call.function().equals("split") && call.arguments().size() > 1
                && call.arguments().get(1) instanceof AwkNode.Variable array) {
            used.add(array.name());
        }
        if (node instanceof Collection<?> items) {
            items.forEach(item -> collect(item, used));
        } else if (node instanceof AwkNode && node.getClass().isRecord()) {
            // every kind of node is a record: walk its parts without listing each kind again
            for (RecordComponent component : node.getClass().getRecordComponents()) {
                try {
                    collect(component.getAccessor().invoke(node), used);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
