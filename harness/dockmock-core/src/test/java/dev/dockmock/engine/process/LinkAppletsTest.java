package dev.dockmock.engine.process;

import static org.junit.jupiter.api.Assertions.assertAll;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code ln} and {@code readlink}, with what busybox 1.35 printed for the same commands in a real dockerd. */
class LinkAppletsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Run sh(String script) {
        FileTree tree = FileTree.empty(T);
        tree.ensureDirectory("/tmp", T);
        tree.set("/etc/hostname", FileNode.file("box\n", 0644, T));
        return Run.sh(tree, script, false);
    }

    @Test
    void symbolicAndHardLinks() {
        assertAll(
                () -> sh("ln -s /etc/hostname /tmp/l; readlink /tmp/l; cat /tmp/l; ls -l /tmp/l | cut -c1-10")
                        .is("/etc/hostname\nbox\nlrwxrwxrwx\n", "", 0),
                () -> sh("readlink /etc/hostname; echo $?").is("1\n", "", 0),
                () -> sh("ln -s /nope /tmp/d; readlink /tmp/d; test -e /tmp/d; echo $?; test -L /tmp/d; echo $?")
                        .is("/nope\n1\n0\n", "", 0),
                () -> sh("ln -s /x /tmp/l; ln -s /y /tmp/l; echo $?; ln -sf /y /tmp/l; readlink /tmp/l")
                        .is("1\n/y\n", "ln: /tmp/l: File exists\n", 0),
                () -> sh("mkdir /dd; ln -s /etc/hostname /dd; ls /dd; echo a > /tmp/a; ln /tmp/a /tmp/b; cat /tmp/b")
                        .is("hostname\na\n", "", 0),
                () -> sh("ln /nope /tmp/c").is("", "ln: /nope: No such file or directory\n", 1),
                () -> sh("mkdir -p /r/s; ln -s /r/s /q; readlink -f /q/../s; readlink -f /q; cd /tmp && ln -s hostname h2 && readlink h2")
                        .is("/r/s\n/r/s\nhostname\n", "", 0));
    }
}
