package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code stat} and {@code du} over an in-memory tree like a container's. The expected lines are
 * busybox 1.35's for the same tree made on ext4 here (overlayfs's upper layer is ext4 or xfs,
 * with the same 4 KiB blocks): {@code mkdir -p srv/sub bin; printf h > srv/.hidden;
 * printf abc > srv/sub/x; chmod 640 srv/sub/x; : > srv/empty; head -c 5000 /dev/zero > bin/busybox;
 * ln -s /bin/busybox bin/sh}, then the command in each comment.
 */
class StatDuAppletsTest {
    private static final Instant T = Instant.parse("2026-10-05T17:30:00.123456789Z");

    private static Run sh(String script) {
        FileTree tree = FileTree.empty(T);
        tree.set("/etc/passwd", FileNode.file("root:x:0:0:root:/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n", 0644, T));
        tree.set("/etc/group", FileNode.file("root:x:0:root\napp:x:1001:\n", 0644, T));
        tree.set("/srv/.hidden", FileNode.file("h", 0644, T));
        tree.set("/srv/empty", FileNode.file("", 0644, T));
        tree.set("/srv/sub/x", new FileNode(FileNode.Type.FILE, 0640, 1000, 1001, T, "abc".getBytes(), ""));
        tree.set("/bin/busybox", FileNode.file(new byte[5000], 0755, T));
        tree.set("/bin/sh", FileNode.symlink("/bin/busybox", T));
        return Run.sh(tree, script, false);
    }

    @Test
    void statFormats() {
        // busybox stat -c '%n|%s|%a|%A|%F|%b|%h' srv/sub/x srv bin/sh srv/empty
        sh("cd /; stat -c '%n|%s|%a|%A|%F|%b|%h' srv/sub/x srv bin/sh srv/empty").is("""
                srv/sub/x|3|640|-rw-r-----|regular file|8|1
                srv|4096|755|drwxr-xr-x|directory|8|3
                bin/sh|12|777|lrwxrwxrwx|symbolic link|0|1
                srv/empty|0|644|-rw-r--r--|regular empty file|0|1
                """, "", 0);
        sh("stat -c '%U:%G %u:%g %Y %y %% %q' /srv/sub/x").is("app:app 1000:1001 1791221400 2026-10-05 17:30:00.123456789 +0000 % q\n", "", 0);
        // busybox stat -L -c '%F %N' bin/sh; busybox stat -c %N bin/sh
        sh("cd /bin; stat -L -c '%F %N' sh; stat -c %N sh").is("regular file sh\n'sh' -> '/bin/busybox'\n", "", 0);
    }

    @Test
    void statDefaultReport() {
        Run run = sh("stat /srv/sub/x /bin/sh");

        assertThat(run.status()).isZero();
        assertThat(run.out().replaceAll("Inode: \\d+ +", "Inode: N ")).isEqualTo("""
                  File: /srv/sub/x
                  Size: 3         \tBlocks: 8          IO Block: 4096   regular file
                Device: 3bh/59d\tInode: N Links: 1
                Access: (0640/-rw-r-----)  Uid: ( 1000/     app)   Gid: ( 1001/     app)
                Access: 2026-10-05 17:30:00.123456789 +0000
                Modify: 2026-10-05 17:30:00.123456789 +0000
                Change: 2026-10-05 17:30:00.123456789 +0000
                  File: '/bin/sh' -> '/bin/busybox'
                  Size: 12        \tBlocks: 0          IO Block: 4096   symbolic link
                Device: 3bh/59d\tInode: N Links: 1
                Access: (0777/lrwxrwxrwx)  Uid: (    0/    root)   Gid: (    0/    root)
                Access: 2026-10-05 17:30:00.123456789 +0000
                Modify: 2026-10-05 17:30:00.123456789 +0000
                Change: 2026-10-05 17:30:00.123456789 +0000
                """);
        // busybox: the inode column is ten wide, then two spaces
        assertThat(run.out()).containsPattern("Inode: \\d{6,7} {4,5}  Links: 1");
    }

    @Test
    void statOfAMissingFileGoesOnWithTheOthers() {
        // busybox stat -c %n nope srv/sub/x
        sh("cd /; stat -c %n nope srv/sub/x").is("srv/sub/x\n", "stat: can't stat 'nope': No such file or directory\n", 1);
        sh("stat").is("", "Usage: stat [-ltf] [-c FMT] FILE...\n", 1);
    }

    @Test
    void duCountsFourKilobyteBlocks() {
        // busybox du srv; busybox du -a srv
        sh("cd /; du srv; du -a srv").is("8\tsrv/sub\n16\tsrv\n4\tsrv/.hidden\n0\tsrv/empty\n4\tsrv/sub/x\n8\tsrv/sub\n16\tsrv\n", "", 0);
        // busybox du -sh srv bin; busybox du -c srv/sub bin/busybox bin/sh; busybox du -m bin
        sh("cd /; du -sh srv bin; du -c srv/sub bin/busybox bin/sh; du -m bin")
                .is("16.0K\tsrv\n12.0K\tbin\n8\tsrv/sub\n8\tbin/busybox\n0\tbin/sh\n16\ttotal\n1\tbin\n", "", 0);
        // busybox du -k srv/nope
        sh("cd /; du -k srv/nope").is("", "du: srv/nope: No such file or directory\n", 1);
        // cd srv; busybox du   (the directory itself is ".", its entries "./name")
        sh("cd /srv; du").is("8\t./sub\n16\t.\n", "", 0);
    }
}
