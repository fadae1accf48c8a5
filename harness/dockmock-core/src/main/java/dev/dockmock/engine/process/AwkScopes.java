package dev.dockmock.engine.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where awk's names live: global variables and arrays, and while a user function runs, its
 * parameters and locals, which hide the globals of the same name. A local holds a value, or an
 * {@link AwkArray} (the caller's, passed by reference, or its own once used as one).
 */
final class AwkScopes {
    private final Map<String, Object> globals = new HashMap<>();
    private final Map<String, AwkArray> globalArrays = new HashMap<>();
    private final Deque<Map<String, Object>> frames = new ArrayDeque<>();

    /** The global variables, where the special ones ({@code NR}, {@code FS} ...) always are. */
    Map<String, Object> globals() {
        return globals;
    }

    Object get(String name) {
        Map<String, Object> frame = frames.peek();
        if (frame != null && frame.containsKey(name)) {
            Object value = frame.get(name);
            if (value instanceof AwkArray) {
                throw new IllegalArgumentException("Can't use array '" + name + "' as a scalar");
            }
            return value;
        }
        return globals.getOrDefault(name, "");
    }

    void put(String name, Object value) {
        Map<String, Object> frame = frames.peek();
        if (frame != null && frame.containsKey(name)) {
            frame.put(name, value);
        } else {
            globals.put(name, value);
        }
    }

    AwkArray array(String name) {
        Map<String, Object> frame = frames.peek();
        if (frame != null && frame.containsKey(name)) {
            if (frame.get(name) instanceof AwkArray array) {
                return array;
            }
            AwkArray local = new AwkArray();
            frame.put(name, local);
            return local;
        }
        return globalArrays.computeIfAbsent(name, n -> new AwkArray());
    }

    boolean isArray(String name) {
        Map<String, Object> frame = frames.peek();
        if (frame != null && frame.containsKey(name)) {
            return frame.get(name) instanceof AwkArray;
        }
        return globalArrays.containsKey(name);
    }

    /** Enters a function call whose parameters and locals are {@code frame}. */
    void enter(Map<String, Object> frame) {
        frames.push(frame);
    }

    void leave() {
        frames.pop();
    }
}
