package dev.dockmock.engine.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One entry of {@code GET /containers/{id}/changes}.
 *
 * @param path the absolute path
 * @param kind what happened to it
 */
public record Change(String path, Kind kind) {

    /** dockerd's change kinds, with their wire numbers. */
    public enum Kind {
        MODIFIED(0), ADDED(1), DELETED(2);

        private final int wire;

        Kind(int wire) {
            this.wire = wire;
        }

        public int wire() {
            return wire;
        }
    }

    /** The wire form: {@code {"Path": "/tmp", "Kind": 0}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Path", path);
        json.put("Kind", kind.wire());
        return json;
    }

    /**
     * What changed from {@code lower} to {@code upper}, in path order: entries only in
     * {@code upper} are added, entries replaced by another node are modified, and entries gone
     * from {@code upper} are deleted (only the topmost of a deleted subtree is listed, as dockerd
     * lists them).
     */
    public static List<Change> between(FileTree lower, FileTree upper) {
        Map<String, FileNode> before = lower.entries();
        Map<String, FileNode> after = upper.entries();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        paths.remove("/");
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            FileNode old = before.get(path);
            FileNode now = after.get(path);
            if (old == null) {
                changes.add(new Change(path, Kind.ADDED));
            } else if (now == null) {
                if (after.containsKey(FilePaths.parent(path))) {
                    changes.add(new Change(path, Kind.DELETED));
                }
            } else if (old != now) {
                changes.add(new Change(path, Kind.MODIFIED));
            }
        }
        return changes;
    }
}
