package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link UserFiles}' read and search checks: what {@code read}, {@code reach} and {@code allows}
 * answer a user, a group member and root for a tree with a private directory and a private file.
 */
class UserFilesReadTest {
    private static final Instant T = Instant.parse("2026-10-05T17:30:00Z");
    private static final ProcessUser USER = new ProcessUser(1000, 1000, List.of(1000), "/");
    private static final ProcessUser MEMBER = new ProcessUser(1001, 1001, List.of(42, 1001), "/");
    private static final ProcessUser ROOT = ProcessUser.ROOT;

    private static ProcessFiles as(ProcessUser user) {
        FileTree tree = FileTree.empty(T);
        tree.set("/etc/shadow", FileNode.file("secret\n", 0640, T).withOwner(0, 42));
        tree.set("/etc/passwd", FileNode.file("root:x:0:0::/root:/bin/sh\n", 0644, T));
        tree.set("/private", FileNode.directory(0700, T));
        tree.set("/private/f", FileNode.file("x\n", 0644, T));
        tree.set("/listless", FileNode.directory(0311, T)); // search without read: names hidden, files reachable
        tree.set("/listless/f", FileNode.file("y\n", 0644, T));
        tree.set("/run.sh", FileNode.file("echo\n", 0711, T));
        tree.set("/home/u", FileNode.directory(0700, T).withOwner(1000, 1000));
        tree.set("/home/u/f", FileNode.file("mine\n", 0600, T).withOwner(1000, 1000));
        return UserFiles.of(ProcessFileView.of(tree, Clock.fixed(T, ZoneOffset.UTC), false), user);
    }

    @Test
    void aFileWithoutReadPermissionIsRefusedButAMissingOneIsJustMissing() throws Exception {
        ProcessFiles files = as(USER);
        assertThatThrownBy(() -> files.read("/etc/shadow")).isInstanceOf(ProcessFiles.Failure.class)
                .hasMessage("Permission denied");
        assertThat(files.read("/etc/passwd")).containsInstanceOf(ProcessFiles.Entry.File.class);
        assertThat(files.read("/etc/nope")).isEmpty();
        assertThat(files.read("/home/u/f")).containsInstanceOf(ProcessFiles.Entry.File.class);
        // lookup stays root's, for docker cp and the archive API
        assertThat(files.lookup("/etc/shadow")).containsInstanceOf(ProcessFiles.Entry.File.class);
    }

    @Test
    void aDirectoryWithoutSearchPermissionRefusesEverythingBelowIt() {
        ProcessFiles files = as(USER);
        assertThatThrownBy(() -> files.read("/private/f")).hasMessage("Permission denied");
        assertThatThrownBy(() -> files.read("/private/nope")).hasMessage("Permission denied");
        assertThatThrownBy(() -> files.reach("/private/f")).hasMessage("Permission denied");
        assertThatThrownBy(() -> files.write("/private/g", new byte[0], false)).hasMessage("Permission denied");
        assertThatThrownBy(() -> files.remove("/private/f", false)).hasMessage("Permission denied");
        assertThat(files.allows("/private/f", 0)).isFalse();
    }

    @Test
    void listingNeedsReadAndGoingThroughNeedsSearch() throws Exception {
        ProcessFiles files = as(USER);
        assertThatThrownBy(() -> files.read("/listless")).hasMessage("Permission denied");
        assertThat(files.read("/listless/f")).containsInstanceOf(ProcessFiles.Entry.File.class);
        files.reach("/private"); // the directory itself is reachable: / may be searched
        assertThatThrownBy(() -> files.read("/private")).hasMessage("Permission denied");
    }

    @Test
    void theGroupsBitsApplyToAMember() throws Exception {
        ProcessFiles files = as(MEMBER);
        assertThat(files.read("/etc/shadow")).containsInstanceOf(ProcessFiles.Entry.File.class);
        assertThat(files.allows("/etc/shadow", ProcessFiles.READ)).isTrue();
        assertThat(files.allows("/etc/shadow", ProcessFiles.WRITE)).isFalse();
    }

    @Test
    void allowsAnswersAsAccessDoes() {
        ProcessFiles files = as(USER);
        assertThat(files.allows("/run.sh", ProcessFiles.EXECUTE)).isTrue();
        assertThat(files.allows("/run.sh", ProcessFiles.READ)).isFalse();
        assertThat(files.allows("/etc/passwd", ProcessFiles.READ)).isTrue();
        assertThat(files.allows("/etc/passwd", ProcessFiles.WRITE)).isFalse();
        assertThat(files.allows("/home/u", ProcessFiles.READ | ProcessFiles.WRITE | ProcessFiles.EXECUTE)).isTrue();
        assertThat(files.allows("/etc/nope", ProcessFiles.READ)).as("existence is the caller's question").isTrue();
    }

    @Test
    void rootIsNeverChecked() throws Exception {
        ProcessFiles files = as(ROOT);
        assertThat(files.read("/etc/shadow")).containsInstanceOf(ProcessFiles.Entry.File.class);
        assertThat(files.read("/private/f")).containsInstanceOf(ProcessFiles.Entry.File.class);
        assertThat(files.read("/listless")).containsInstanceOf(ProcessFiles.Entry.Directory.class);
        files.reach("/home/u/f");
        assertThat(files.allows("/home/u/f", ProcessFiles.READ | ProcessFiles.WRITE)).isTrue();
    }
}
