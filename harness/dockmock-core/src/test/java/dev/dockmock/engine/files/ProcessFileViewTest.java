package dev.dockmock.engine.files;

import dev.dockmock.engine.process.Errno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.engine.process.ProcessFiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a process's changes do to the tree: attributes of new entries, and what {@code docker diff} then lists. */
class ProcessFileViewTest {
    private static final Instant IMAGE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-05T09:03:07Z");

    private final FileTree base = image();
    private final FileTree tree = base.copy();
    private final ProcessFiles view = ProcessFileView.of(tree, Clock.fixed(NOW, ZoneOffset.UTC), false);

    private static FileTree image() {
        FileTree tree = FileTree.empty(IMAGE);
        tree.set("/usr/local/bin/tool", FileNode.file("#!/bin/sh\n", 0755, IMAGE));
        tree.set("/etc/motd", FileNode.file("hi\n", 0644, IMAGE));
        tree.set("/etc/link", FileNode.symlink("motd", IMAGE));
        return tree;
    }

    @Test
    void aNewFileIsRootsWith0644AndTheClocksTimeAndItsDirectoryIsTouched() throws Exception {
        view.write("/usr/local/bin/new", "x".getBytes(StandardCharsets.UTF_8), false);

        FileNode file = tree.get("/usr/local/bin/new").orElseThrow();
        assertThat(file.type()).isEqualTo(FileNode.Type.FILE);
        assertThat(file.mode()).isEqualTo(0644);
        assertThat(file.uid()).isZero();
        assertThat(file.gid()).isZero();
        assertThat(file.mtime()).isEqualTo(NOW);
        assertThat(tree.get("/usr/local/bin").orElseThrow().mtime()).isEqualTo(NOW);
        assertThat(tree.get("/usr/local").orElseThrow().mtime()).isEqualTo(IMAGE);
        assertThat(Change.between(base, tree)).containsExactly(new Change("/usr", Change.Kind.MODIFIED),
                new Change("/usr/local", Change.Kind.MODIFIED), new Change("/usr/local/bin", Change.Kind.MODIFIED),
                new Change("/usr/local/bin/new", Change.Kind.ADDED));
    }

    @Test
    void writingThroughALinkAppendsToItsTargetKeepingItsMode() throws Exception {
        view.write("/etc/link", "more\n".getBytes(StandardCharsets.UTF_8), true);

        FileNode motd = tree.get("/etc/motd").orElseThrow();
        assertThat(new String(motd.content(), StandardCharsets.UTF_8)).isEqualTo("hi\nmore\n");
        assertThat(motd.mode()).isEqualTo(0644);
        assertThat(tree.get("/etc").orElseThrow().mtime()).isEqualTo(IMAGE);
        assertThat(Change.between(base, tree)).containsExactly(new Change("/etc", Change.Kind.MODIFIED),
                new Change("/etc/motd", Change.Kind.MODIFIED));
    }

    @Test
    void removingLeavesADeletionAndMkdirMakes0755() throws Exception {
        view.remove("/etc/link", false);
        view.mkdir("/etc/conf.d");

        assertThat(tree.get("/etc/motd")).isPresent();
        assertThat(tree.get("/etc/conf.d").orElseThrow().mode()).isEqualTo(0755);
        assertThat(Change.between(base, tree)).containsExactly(new Change("/etc", Change.Kind.MODIFIED),
                new Change("/etc/conf.d", Change.Kind.ADDED), new Change("/etc/link", Change.Kind.DELETED));
    }

    @Test
    void refusalsChangeNothing() {
        ProcessFiles readOnly = ProcessFileView.of(tree, Clock.fixed(NOW, ZoneOffset.UTC), true);

        assertThatThrownBy(() -> readOnly.write("/etc/motd", new byte[0], false))
                .extracting(e -> ((ProcessFiles.Failure) e).errno()).isEqualTo(Errno.READ_ONLY);
        assertThatThrownBy(() -> view.write("/etc/motd/x", new byte[0], false))
                .extracting(e -> ((ProcessFiles.Failure) e).errno()).isEqualTo(Errno.NOT_A_DIRECTORY);
        assertThatThrownBy(() -> view.remove("/usr", false))
                .extracting(e -> ((ProcessFiles.Failure) e).errno()).isEqualTo(Errno.IS_A_DIRECTORY);
        assertThat(Change.between(base, tree)).isEmpty();
    }

    @Test
    void statDescribesAnEntryOrItsLink() {
        ProcessFiles.Stat usr = view.stat("/usr", true).orElseThrow();
        assertThat(usr).isEqualTo(new ProcessFiles.Stat(ProcessFiles.Kind.DIRECTORY, 0755, 0, 0, 4096, 3, IMAGE, ""));
        assertThat(view.stat("/etc/link", true).orElseThrow().kind()).isEqualTo(ProcessFiles.Kind.FILE);
        ProcessFiles.Stat link = view.stat("/etc/link", false).orElseThrow();
        assertThat(link.kind()).isEqualTo(ProcessFiles.Kind.SYMLINK);
        assertThat(link.linkTarget()).isEqualTo("motd");
        assertThat(link.size()).isEqualTo(4);
        assertThat(view.stat("/etc/none", false)).isEmpty();
    }

    @Test
    void modeAndOwnerChangesCopyTheFileUpWithoutTouchingItsDirectory() throws Exception {
        view.setMode("/etc/link", 0600);
        view.setOwner("/usr/local/bin/tool", 5, -1, true);

        assertThat(tree.get("/etc/motd").orElseThrow().mode()).isEqualTo(0600);
        assertThat(tree.get("/etc/motd").orElseThrow().mtime()).isEqualTo(IMAGE);
        assertThat(tree.get("/usr/local/bin/tool").orElseThrow()).extracting(FileNode::uid, FileNode::gid)
                .containsExactly(5, 0);
        assertThat(tree.get("/etc").orElseThrow().mtime()).isEqualTo(IMAGE);
        assertThat(Change.between(base, tree)).containsExactly(new Change("/etc", Change.Kind.MODIFIED),
                new Change("/etc/motd", Change.Kind.MODIFIED), new Change("/usr", Change.Kind.MODIFIED),
                new Change("/usr/local", Change.Kind.MODIFIED), new Change("/usr/local/bin", Change.Kind.MODIFIED),
                new Change("/usr/local/bin/tool", Change.Kind.MODIFIED));
        assertThatThrownBy(() -> view.setMode("/etc/none", 0600))
                .extracting(e -> ((ProcessFiles.Failure) e).errno()).isEqualTo(Errno.NO_ENTRY);
    }
}
