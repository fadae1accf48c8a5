package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.protocol.DockerException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileTreeTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2024-06-01T00:00:00Z");

    @Test
    void linksResolveInsideTheTreeAndNeverAboveItsRoot() {
        FileTree tree = FileTree.empty(T0);
        tree.set("/usr/lib/app/config", FileNode.file("x", 0644, T0));
        tree.set("/etc/app", FileNode.symlink("../usr/lib/app", T0));
        tree.set("/escape", FileNode.symlink("../../../../usr", T0));

        assertThat(tree.resolve("/etc/app/config", false)).isEqualTo("/usr/lib/app/config");
        assertThat(tree.resolve("/etc/app", false)).isEqualTo("/etc/app");
        assertThat(tree.resolve("/etc/app", true)).isEqualTo("/usr/lib/app");
        assertThat(tree.resolve("/escape/lib", true)).isEqualTo("/usr/lib");
    }

    @Test
    void linkLoopsStopAfterForty() {
        FileTree tree = FileTree.empty(T0);
        tree.set("/a", FileNode.symlink("/b", T0));
        tree.set("/b", FileNode.symlink("/a", T0));

        assertThatThrownBy(() -> tree.resolve("/a/x", true)).isInstanceOf(DockerException.class)
                .hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void writingTouchesTheParentAndReplacingADirectoryDropsItsContents() {
        FileTree tree = FileTree.empty(T0);
        tree.set("/data/old/file", FileNode.file("x", 0644, T0));
        FileTree before = tree.copy();

        tree.write("/data/new", FileNode.file("n", 0644, T1), T1);
        tree.write("/data/old", FileNode.file("now a file", 0644, T1), T1);

        assertThat(tree.get("/data").orElseThrow().mtime()).isEqualTo(T1);
        assertThat(tree.get("/data/old/file")).isEmpty();
        assertThat(Change.between(before, tree)).extracting(c -> c.kind() + " " + c.path())
                .containsExactly("MODIFIED /data", "ADDED /data/new", "MODIFIED /data/old", "DELETED /data/old/file");
    }

    @Test
    void aDiffLayerRebuildsTheUpperTree() {
        FileTree lower = FileTree.empty(T0);
        lower.set("/etc/keep", FileNode.file("k", 0644, T0));
        lower.set("/etc/gone", FileNode.file("g", 0644, T0));
        FileTree upper = lower.copy();
        upper.remove("/etc/gone", T1);
        upper.write("/etc/added", FileNode.file("a", 0600, T1), T1);

        Layer layer = Layer.diff(lower, upper);
        Layer reread = Layer.fromTar(TarReader.read(layer.tar()), layer.tar());
        FileTree rebuilt = lower.copy();
        reread.applyTo(rebuilt);

        assertThat(rebuilt.entries().keySet()).isEqualTo(upper.entries().keySet());
        assertThat(reread.diffId()).isEqualTo(layer.diffId());
        assertThat(TarReader.read(layer.tar())).extracting(TarEntry::name).contains("etc/.wh.gone");
    }
}
