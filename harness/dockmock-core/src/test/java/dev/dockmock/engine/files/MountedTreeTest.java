package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a container's view routes paths: below a mount point into the volume's tree, the deepest mount point winning. */
class MountedTreeTest {
    private static final Instant IMAGE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-05T09:03:07Z");

    private final FileTree base = image();
    private final FileTree own = base.copy();
    private final FileTree data = FileTree.empty(IMAGE);
    private final FileTree cache = FileTree.empty(IMAGE);
    private final MountedTree view = new MountedTree(own, List.of(
            new MountedTree.Mount("/data/cache", cache), new MountedTree.Mount("/data", data)));

    private static FileTree image() {
        FileTree tree = FileTree.empty(IMAGE);
        tree.set("/etc/motd", FileNode.file("hi\n", 0644, IMAGE));
        tree.set("/data/from-image", FileNode.file("hidden\n", 0644, IMAGE));
        tree.set("/data/cache", FileNode.directory(0755, IMAGE));
        tree.set("/var/lib", FileNode.directory(0755, IMAGE));
        return tree;
    }

    private static String text(FileNode node) {
        return new String(node.content(), StandardCharsets.UTF_8);
    }

    @Test
    void aPathBelowAMountPointLiesInThatVolumeAndTheDeepestMountPointWins() {
        assertThat(view.locate("/etc/motd")).isEqualTo(new MountedTree.Location(own, "/etc/motd"));
        assertThat(view.locate("/data/x/y")).isEqualTo(new MountedTree.Location(data, "/x/y"));
        assertThat(view.locate("/data")).isEqualTo(new MountedTree.Location(data, "/"));
        assertThat(view.locate("/data/cache/z")).isEqualTo(new MountedTree.Location(cache, "/z"));
        assertThat(view.locate("/datafile")).isEqualTo(new MountedTree.Location(own, "/datafile"));
    }

    @Test
    void aVolumeHidesWhatTheImageHasBelowItsMountPoint() {
        assertThat(view.get("/data/from-image")).isEmpty();
        assertThat(view.children("/data")).containsExactly("/data/cache");
        assertThat(view.get("/data").orElseThrow().mtime()).isEqualTo(IMAGE);
    }

    @Test
    void writesBelowAMountPointLandInTheVolumeAndNotInTheContainersTree() throws Exception {
        ProcessFileView.of(view, Clock.fixed(NOW, ZoneOffset.UTC), false).write("/data/f", "hi\n".getBytes(StandardCharsets.UTF_8), false);

        assertThat(text(data.get("/f").orElseThrow())).isEqualTo("hi\n");
        assertThat(data.get("/").orElseThrow().mtime()).isEqualTo(NOW);
        assertThat(own.get("/data/f")).isEmpty();
        assertThat(Change.between(base, own)).isEmpty();
    }

    @Test
    void copyUpStaysInTheTreeThatHoldsTheChange() throws Exception {
        MountedTree deep = new MountedTree(own, List.of(new MountedTree.Mount("/var/lib/db", data)));
        own.set("/var/lib/db", FileNode.directory(0755, IMAGE));
        FileTree before = own.copy();
        ProcessFileView.of(deep, Clock.fixed(NOW, ZoneOffset.UTC), false).mkdir("/var/lib/db/x");

        assertThat(data.get("/x").orElseThrow().isDirectory()).isTrue();
        assertThat(Change.between(before, own)).isEmpty();
    }

    @Test
    void linksAreFollowedAcrossTrees() {
        data.set("/motd", FileNode.symlink("/etc/motd", IMAGE));
        own.set("/srv", FileNode.symlink("/data/cache", IMAGE));
        cache.set("/entry", FileNode.file("cached\n", 0644, IMAGE));

        assertThat(view.resolve("/data/motd", true)).isEqualTo("/etc/motd");
        assertThat(text(view.get(view.resolve("/srv/entry", true)).orElseThrow())).isEqualTo("cached\n");
    }

    @Test
    void aSubtreeShowsEachVolumeAtItsMountPoint() {
        data.set("/a", FileNode.file("a\n", 0644, IMAGE));
        cache.set("/b", FileNode.file("b\n", 0644, IMAGE));

        assertThat(view.subtree("/data").keySet()).containsExactly("/data", "/data/a", "/data/cache", "/data/cache/b");
        assertThat(view.subtree("/").keySet()).contains("/etc/motd", "/data/a", "/data/cache/b")
                .doesNotContain("/data/from-image");
        assertThat(TreeArchive.members(view, "/data", "data")).extracting(TarEntry::name)
                .containsExactly("data", "data/a", "data/cache", "data/cache/b");
    }

    @Test
    void aMountPointMissingFromTheTreeBelowIsStillListed() {
        MountedTree elsewhere = new MountedTree(own, List.of(new MountedTree.Mount("/mnt", data)));

        assertThat(elsewhere.children("/")).contains("/mnt", "/etc", "/data");
        assertThat(elsewhere.get("/mnt").orElseThrow().isDirectory()).isTrue();
    }

    @Test
    void extractingAnArchiveBelowAMountPointFillsTheVolume() {
        TreeArchive.extract(view, "/data", List.of(new TarEntry("local.txt", TarEntry.Type.FILE, 0644, 0, 0, NOW,
                "copied\n".getBytes(StandardCharsets.UTF_8), "")), false, NOW);

        assertThat(text(data.get("/local.txt").orElseThrow())).isEqualTo("copied\n");
        assertThat(own.get("/data/local.txt")).isEmpty();
    }
}
