package dev.dockmock.engine.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One image layer: the entries it adds or replaces, the paths it deletes (whiteouts) and the
 * directories whose lower contents it hides (opaque). Immutable. Its tar is the one
 * {@code docker save} writes and its diff id is that tar's digest, so image configs that name
 * these ids are valid for a real daemon too.
 */
public final class Layer {
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private final NavigableMap<String, FileNode> entries;
    private final Set<String> deleted;
    private final Set<String> opaque;
    private byte[] tar;
    private String diffId;

    private Layer(Map<String, FileNode> entries, Set<String> deleted, Set<String> opaque, byte[] tar) {
        this.entries = new TreeMap<>(entries);
        this.entries.remove("/");
        this.deleted = new TreeSet<>(deleted);
        this.opaque = new TreeSet<>(opaque);
        this.tar = tar;
    }

    /** A layer holding every entry of {@code tree} (a base layer). */
    public static Layer of(FileTree tree) {
        return new Layer(tree.entries(), Set.of(), Set.of(), null);
    }

    /** A layer that adds {@code entries} and deletes {@code deleted}. */
    public static Layer of(Map<String, FileNode> entries, Set<String> deleted) {
        return new Layer(entries, deleted, Set.of(), null);
    }

    /** What turns {@code lower} into {@code upper}: new and changed entries, and the topmost deletions. */
    public static Layer diff(FileTree lower, FileTree upper) {
        Map<String, FileNode> changed = new TreeMap<>();
        Set<String> deleted = new TreeSet<>();
        for (Change change : Change.between(lower, upper)) {
            if (change.kind() == Change.Kind.DELETED) {
                deleted.add(change.path());
            } else {
                changed.put(change.path(), upper.get(change.path()).orElseThrow());
            }
        }
        return new Layer(changed, deleted, Set.of(), null);
    }

    /**
     * The layer a tar describes, with overlay whiteouts ({@code .wh.name}, {@code .wh..wh..opq})
     * turned into deletions. The tar is kept as it came, so its diff id stays the one its image
     * config names.
     */
    public static Layer fromTar(List<TarEntry> members, byte[] original) {
        Map<String, FileNode> entries = new TreeMap<>();
        Set<String> deleted = new TreeSet<>();
        Set<String> opaque = new TreeSet<>();
        for (TarEntry member : members) {
            String path = FilePaths.clean("/" + member.name());
            String base = FilePaths.base(path);
            if (base.equals(OPAQUE)) {
                opaque.add(FilePaths.parent(path));
            } else if (base.startsWith(WHITEOUT)) {
                deleted.add(FilePaths.child(FilePaths.parent(path), base.substring(WHITEOUT.length())));
            } else if (member.type() == TarEntry.Type.HARDLINK) {
                FileNode target = entries.get(FilePaths.clean("/" + member.linkName()));
                if (target != null) {
                    entries.put(path, target);
                }
            } else {
                entries.put(path, FileNode.fromTar(member));
            }
        }
        return new Layer(entries, deleted, opaque, original);
    }

    /** Applies this layer on top of {@code tree}. */
    public void applyTo(FileTree tree) {
        for (String dir : opaque) {
            for (String child : tree.children(dir)) {
                tree.delete(child);
            }
        }
        deleted.forEach(tree::delete);
        entries.forEach(tree::set);
    }

    /** This layer's tar: entries in path order, then whiteouts. */
    public synchronized byte[] tar() {
        if (tar == null) {
            List<TarEntry> members = new ArrayList<>();
            for (String dir : opaque) {
                members.add(TarEntry.file(relative(FilePaths.child(dir, OPAQUE)), new byte[0], 0, Instant.EPOCH));
            }
            entries.forEach((path, node) -> members.add(node.toTar(relative(path))));
            for (String path : deleted) {
                String whiteout = FilePaths.child(FilePaths.parent(path), WHITEOUT + FilePaths.base(path));
                members.add(TarEntry.file(relative(whiteout), new byte[0], 0, Instant.EPOCH));
            }
            tar = TarWriter.archive(members);
        }
        return tar;
    }

    /** {@code sha256:} and the digest of {@link #tar()}. */
    public synchronized String diffId() {
        if (diffId == null) {
            diffId = "sha256:" + sha256(tar());
        }
        return diffId;
    }

    /** The summed size of the regular files it adds. */
    public long size() {
        return entries.values().stream().filter(n -> n.type() == FileNode.Type.FILE).mapToLong(FileNode::size).sum();
    }

    public boolean isEmpty() {
        return entries.isEmpty() && deleted.isEmpty() && opaque.isEmpty();
    }

    public NavigableMap<String, FileNode> entries() {
        return java.util.Collections.unmodifiableNavigableMap(entries);
    }

    public Set<String> deleted() {
        return java.util.Collections.unmodifiableSet(deleted);
    }

    private static String relative(String path) {
        return path.substring(1);
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
