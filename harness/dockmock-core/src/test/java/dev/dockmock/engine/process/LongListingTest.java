package dev.dockmock.engine.process;

import static org.junit.jupiter.api.Assertions.assertAll;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ls -l} in busybox's format, and {@code chmod}, {@code chown} and {@code chgrp} changing
 * what it shows, on an in-memory tree like a container's (the clock is {@link Run#CLOCK}).
 */
class LongListingTest {
    private static final Instant IMAGE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant RECENT = Instant.parse("2026-10-05T17:30:00Z");

    private static FileTree alpineLike() {
        FileTree tree = FileTree.empty(IMAGE_TIME);
        tree.set("/tmp", FileNode.directory(01777, RECENT));
        tree.set("/etc/hostname", FileNode.file("0123456789ab\n", 0644, RECENT));
        tree.set("/etc/passwd", FileNode.file("root:x:0:0:root:/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n",
                0644, IMAGE_TIME));
        tree.set("/etc/group", FileNode.file("root:x:0:root\nstaff:x:50:\n", 0644, IMAGE_TIME));
        tree.set("/bin/busybox", FileNode.file(new byte[5000], 0755, IMAGE_TIME));
        tree.set("/bin/sh", FileNode.symlink("/bin/busybox", IMAGE_TIME));
        tree.set("/srv/.hidden", FileNode.file("h", 0600, RECENT));
        tree.set("/srv/sub/x", new FileNode(FileNode.Type.FILE, 0640, 1000, 77, RECENT, new byte[3], ""));
        return tree;
    }

    private static Run sh(String script, boolean readOnly) {
        return Run.sh(alpineLike(), script, readOnly);
    }

    private static Run sh(String script) {
        return sh(script, false);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ls -l /etc/hostname            => -rw-r--r--    1 root     root            13 Oct  5 17:30 /etc/hostname|
            ls -ld /tmp                    => drwxrwxrwt    2 root     root          4096 Oct  5 17:30 /tmp|
            ls -l /bin/sh                  => lrwxrwxrwx    1 root     root            12 Jan  1  2026 /bin/sh -> /bin/busybox|
            ls -l /bin                     => total 8|-rwxr-xr-x    1 root     root          5000 Jan  1  2026 busybox|lrwxrwxrwx    1 root     root            12 Jan  1  2026 sh -> /bin/busybox|
            ls -l /srv                     => total 4|drwxr-xr-x    2 root     root          4096 Oct  5 17:30 sub|
            ls -la /srv                    => total 16|drwxr-xr-x    3 root     root          4096 Oct  5 17:30 .|drwxr-xr-x    6 root     root          4096 Jan  1  2026 ..|-rw-------    1 root     root             1 Oct  5 17:30 .hidden|drwxr-xr-x    2 root     root          4096 Oct  5 17:30 sub|
            ls -A /srv; ls /srv            => .hidden|sub|sub|
            ls -l /srv/sub                 => total 4|-rw-r-----    1 app      77               3 Oct  5 17:30 x|
            ls -ln /srv/sub/x              => -rw-r-----    1 1000     77               3 Oct  5 17:30 /srv/sub/x|
            ls -1 /srv/sub /etc/hostname   => /etc/hostname||/srv/sub:|x|
            cd /tmp; echo abc > f; ls -l   => total 4|-rw-r--r--    1 root     root             4 Nov  5 09:03 f|
            touch /tmp/e; ls -l /tmp       => total 0|-rw-r--r--    1 root     root             0 Nov  5 09:03 e|
            ls -l /tmp                     => total 0|
            ls -lh /bin | cut -c1-41       => total 8K     |-rwxr-xr-x    1 root     root        4.9K|lrwxrwxrwx    1 root     root          12|
            ls -R /srv                     => /srv:|sub||/srv/sub:|x|
            cd /srv; ls -lR | cut -c1-10   => .:|total 4|drwxr-xr-x||./sub:|total 4|-rw-r-----|
            """)
    void listsInBusyboxsLongFormat(String script, String expected) {
        sh(script).is(expected.replace("|", "\n"), "", 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            chmod 755 /etc/hostname                    => -rwxr-xr-x
            chmod +x /etc/hostname                     => -rwxr-xr-x
            chmod u+x,go-r /etc/hostname               => -rwx------
            chmod a=r /etc/hostname                    => -r--r--r--
            chmod 4750 /etc/hostname                   => -rwsr-x---
            chmod u+s,g+s /etc/hostname                => -rwSr-Sr--
            chmod go=u /etc/hostname                   => -rw-rw-rw-
            chmod -w /etc/hostname                     => -r--r--r--
            chmod o+t,+X /etc/hostname                 => -rw-r--r-T
            chmod 1777 /etc/hostname                   => -rwxrwxrwt
            """)
    void chmodChangesTheMode(String command, String mode) {
        sh(command + " && ls -l /etc/hostname | cut -d' ' -f1").is(mode + "\n", "", 0);
    }

    @Test
    void chmodRecursesAndTestSeesIt() {
        assertAll(
                () -> sh("chmod -R go-rwx /srv; ls -la /srv/sub | cut -c1-10")
                        .is("total 12\ndrwx------\ndrwx------\n-rw-------\n", "", 0),
                () -> sh("test -x /etc/hostname || echo no; chmod +x /etc/hostname; test -x /etc/hostname && echo yes")
                        .is("no\nyes\n", "", 0),
                () -> sh("test -L /bin/sh && echo link; test -L /bin/busybox || echo file").is("link\nfile\n", "", 0),
                () -> sh("chmod 600 /bin/sh; ls -l /bin/busybox | cut -c1-10").is("-rw-------\n", "", 0));
    }

    @Test
    void chownAndChgrpChangeTheOwner() {
        assertAll(
                () -> sh("chown app /etc/hostname; ls -l /etc/hostname | cut -c17-33").is("app      root    \n", "", 0),
                () -> sh("chown app:staff /etc/hostname; ls -l /etc/hostname | cut -c17-33").is("app      staff   \n", "", 0),
                () -> sh("chown 5:7 /etc/hostname; ls -ln /etc/hostname | cut -c17-33").is("5        7       \n", "", 0),
                () -> sh("chgrp staff /etc/hostname; ls -ln /etc/hostname | cut -c17-33").is("0        50      \n", "", 0),
                () -> sh("chown -R app /srv; ls -ln /srv/sub/x /srv/.hidden | cut -c17-33")
                        .is("1000     0       \n1000     77      \n", "", 0),
                () -> sh("chown app: /etc/hostname; ls -ln /etc/hostname | cut -c17-33").is("1000     1001    \n", "", 0),
                () -> sh("chown -h app /bin/sh; ls -ln /bin/sh /bin/busybox | cut -c17-22").is("0     \n1000  \n", "", 0),
                () -> sh("chown app /bin/sh; ls -ln /bin/sh /bin/busybox | cut -c17-22").is("1000  \n0     \n", "", 0));
    }

    @Test
    void failuresAreBusyboxs() {
        assertAll(
                () -> sh("ls -l /nope").is("", "ls: /nope: No such file or directory\n", 1),
                () -> sh("chmod 755 /nope").is("", "chmod: /nope: No such file or directory\n", 1),
                () -> sh("chmod -f 755 /nope").is("", "", 1),
                () -> sh("chmod zz /tmp").is("", "chmod: invalid mode 'zz'\n", 1),
                () -> sh("chmod 755").is("", "Usage: chmod [-Rcvf] MODE[,MODE]... FILE...\n", 1),
                () -> sh("chown nosuch /tmp").is("", "chown: unknown user nosuch\n", 1),
                () -> sh("chown :nosuch /tmp").is("", "chown: unknown group nosuch\n", 1),
                () -> sh("chgrp nosuch /tmp").is("", "chgrp: unknown group nosuch\n", 1),
                () -> sh("chown app /nope").is("", "chown: /nope: No such file or directory\n", 1),
                () -> sh("chmod 600 /etc/hostname", true).is("", "chmod: /etc/hostname: Read-only file system\n", 1),
                () -> sh("chown app /etc/hostname", true).is("", "chown: /etc/hostname: Read-only file system\n", 1));
    }

    @Test
    void outsideAContainerChangesAreDiscarded() {
        Run.sh("chmod 755 /x && chown someone:staff /x && chgrp 5 /x && echo ok").is("ok\n", "", 0);
    }
}
