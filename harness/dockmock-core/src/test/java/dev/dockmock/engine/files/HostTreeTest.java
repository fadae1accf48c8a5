package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bind's host files: read and written in place, and never a step outside the source. */
class HostTreeTest {
    private static final Instant NOW = Instant.parse("2026-11-05T09:03:07Z");

    @TempDir
    Path source;
    @TempDir
    Path outside;

    @Test
    void readsTheHostsFilesWithTheirModesAndLinksAsLinks() throws Exception {
        Files.writeString(source.resolve("a.txt"), "a\n");
        Files.setAttribute(source.resolve("a.txt"), "unix:mode", 0600);
        Files.createDirectories(source.resolve("d/e"));
        Files.createSymbolicLink(source.resolve("l"), Path.of("/etc/passwd"));
        HostTree tree = new HostTree(source);

        FileNode file = tree.get("/a.txt").orElseThrow();
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("a\n");
        assertThat(file.mode()).isEqualTo(0600);
        assertThat(tree.get("/").orElseThrow().isDirectory()).isTrue();
        assertThat(tree.get("/l").orElseThrow().linkTarget()).isEqualTo("/etc/passwd");
        assertThat(tree.children("/")).containsExactly("/a.txt", "/d", "/l");
        assertThat(tree.subtree("/d").keySet()).containsExactly("/d", "/d/e");
    }

    @Test
    void writesRemovesAndMakesParentsOnTheHost() throws Exception {
        HostTree tree = new HostTree(source);
        tree.write("/x/y/f", FileNode.file("hi\n", 0640, NOW), NOW);
        assertThat(Files.readString(source.resolve("x/y/f"))).isEqualTo("hi\n");
        assertThat(Files.getAttribute(source.resolve("x/y/f"), "unix:mode")).isEqualTo(0100640);
        assertThat(Files.getLastModifiedTime(source.resolve("x/y/f")).toInstant()).isEqualTo(NOW);
        tree.set("/x/link", FileNode.symlink("y/f", NOW));
        assertThat(Files.readSymbolicLink(source.resolve("x/link"))).isEqualTo(Path.of("y/f"));

        assertThat(tree.remove("/x", NOW)).isTrue();
        assertThat(source.resolve("x")).doesNotExist();
        assertThat(tree.remove("/x", NOW)).isFalse();
    }

    @Test
    void neitherDotDotNorALinkOnTheWayLeadsOutOfTheSource() throws Exception {
        Files.writeString(outside.resolve("secret"), "secret\n");
        Files.createSymbolicLink(source.resolve("out"), outside);
        HostTree tree = new HostTree(source.resolve("."));

        assertThat(tree.get("/../" + outside.getFileName() + "/secret")).isEmpty();
        assertThat(tree.get("/out/secret")).isEmpty();
        assertThat(tree.children("/out")).isEmpty();
        assertThat(tree.subtree("/").keySet()).containsExactly("/", "/out");
        tree.remove("/out", NOW);
        assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("secret\n");
        assertThat(outside.resolve("secret")).exists();
    }

    @Test
    void aLinkInTheWayIsReplacedAsATreeReplacesIt() throws Exception {
        Files.createSymbolicLink(source.resolve("out"), outside);
        Files.createSymbolicLink(source.resolve("f"), outside.resolve("target"));
        HostTree tree = new HostTree(source);

        tree.write("/out/x", FileNode.file("x", 0644, NOW), NOW);
        assertThat(Files.isSymbolicLink(source.resolve("out"))).isFalse();
        assertThat(source.resolve("out/x")).hasContent("x");
        tree.set("/f", FileNode.file("replaced\n", 0644, NOW));
        assertThat(outside.resolve("target")).doesNotExist();
        assertThat(Files.isSymbolicLink(source.resolve("f"))).isFalse();
        assertThat(Files.list(outside).toList()).isEmpty();
    }

    @Test
    void aSingleFileIsTheTreesRoot() throws Exception {
        Path file = Files.writeString(source.resolve("app.conf"), "k=v\n");
        HostTree tree = new HostTree(file);
        assertThat(tree.get("/").orElseThrow().type()).isEqualTo(FileNode.Type.FILE);
        assertThat(tree.get("/below")).isEmpty();
        tree.set("/", FileNode.file("k=w\n", 0644, NOW));
        assertThat(Files.readString(file)).isEqualTo("k=w\n");
        assertThat(tree.children("/")).isEqualTo(List.of());
    }

    @Test
    void mountedInAViewALinkInsideTheBindIsEvaluatedInTheContainersRoot() throws Exception {
        Files.writeString(outside.resolve("passwd"), "host passwd\n");
        Files.createSymbolicLink(source.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(source.resolve("up"), Path.of("../../" + outside.getFileName()));
        FileTree own = FileTree.empty(NOW);
        own.set("/etc/passwd", FileNode.file("container passwd\n", 0644, NOW));
        MountedTree view = new MountedTree(own, List.of(new MountedTree.Mount("/data", new HostTree(source))));

        String resolved = view.resolve("/data/etc/passwd", true);
        assertThat(resolved).isEqualTo("/etc/passwd");
        assertThat(new String(view.get(resolved).orElseThrow().content(), StandardCharsets.UTF_8)).isEqualTo("container passwd\n");
        assertThat(view.resolve("/data/up/passwd", true)).isEqualTo("/" + outside.getFileName() + "/passwd");
        assertThat(view.get(view.resolve("/data/up/passwd", true))).isEmpty();
    }
}
