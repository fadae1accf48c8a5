package dev.dockmock.differential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bind mounts, tmpfs mounts and the mount table, the same docker CLI commands against a real
 * dockerd and dockmock (see {@link DockerdDifferentialTest}; skipped without a real dockerd).
 * Each side binds a directory of its own scratch directory, shown as {@code <scratch>}. Only
 * what does not depend on the storage driver is compared: the reference dockerd's root is not
 * overlayfs, so root and bind lines of {@code df} and {@code /proc/mounts} are left out, and a
 * tmpfs's lines are compared whole.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MountsDifferentialTest extends BothServersTest {
    private static final String[] NO_NET = {"--network", "none"};


    private static String[] run(Object... parts) {
        return Differential.args("run", "--rm", NO_NET, Differential.args(parts));
    }

    @Test
    void bindMountsReadAndWriteTheHost() throws Exception {
        servers.assertSame(s -> {
            Path dir = Files.createDirectories(s.scratch().resolve("bound"));
            Files.writeString(dir.resolve("from-host.txt"), "hello from the host\n");
            Path file = Files.writeString(s.scratch().resolve("app.conf"), "key=value\n");
            String bind = dir + ":/data";
            s.run(run("-v", bind, "alpine", "cat", "/data/from-host.txt"));
            s.run(run("-v", bind, "alpine", "sh", "-c", "mkdir /data/sub && echo written > /data/sub/out.txt; ls /data"));
            s.note("host: sub/out.txt", Files.exists(dir.resolve("sub/out.txt")) ? Files.readString(dir.resolve("sub/out.txt")) : "(missing)\n");
            s.run(run("-v", bind + ":ro", "alpine", "sh", "-c", "echo x > /data/y; touch /data/z; mkdir /data/q; rm /data/from-host.txt"));
            s.run(run("--mount", "type=bind,src=" + dir + ",dst=/data,readonly", "alpine", "sh", "-c", "echo x >> /data/from-host.txt"));
            s.run(run("-v", file + ":/etc/app.conf:ro", "alpine", "sh", "-c", "cat /etc/app.conf; echo y >> /etc/app.conf"));
            s.run(run("-v", file + ":/etc/app.conf", "alpine", "sh", "-c", "echo more >> /etc/app.conf"));
            s.note("host: app.conf", Files.readString(file));
            s.run(run("--mount", "type=bind,src=" + s.scratch().resolve("nope") + ",dst=/d", "alpine", "true"));
            s.run(run("-v", s.scratch().resolve("made") + ":/d", "alpine", "true"));
            s.note("host: made is a directory", Files.isDirectory(s.scratch().resolve("made")) + "\n");
        });
    }

    @Test
    void dockerCpGoesThroughABindButNotATmpfs() throws Exception {
        servers.assertSame(s -> {
            s.removeAtEnd("mda");
            Path dir = Files.createDirectories(s.scratch().resolve("bound"));
            Path in = Files.writeString(s.scratch().resolve("local.txt"), "copied in\n");
            s.run("run", "-d", "--name", "mda", "--network", "none", "-v", dir + ":/data", "--tmpfs", "/tt", "alpine", "sleep", "100");
            s.run("cp", in.toString(), "mda:/data/local.txt");
            s.note("host: local.txt", Files.exists(dir.resolve("local.txt")) ? Files.readString(dir.resolve("local.txt")) : "(missing)\n");
            s.run("exec", "mda", "sh", "-c", "echo intmp > /tt/f; cat /tt/f; ls -ld /tt | cut -c1-10");
            s.run("cp", "mda:/tt/f", s.scratch().resolve("out").toString());
            s.run(MountsDifferentialTest::sortedLines, "diff", "mda");
            s.removeAtEnd("mdb");
            s.run("run", "-d", "--name", "mdb", "--network", "none", "-v", dir + ":/data:ro", "alpine", "sleep", "100");
            s.run("cp", in.toString(), "mdb:/data/refused.txt");
            s.run("cp", in.toString(), "mdb:/data/missing/refused.txt");
            s.run("exec", "mdb", "stat", "-c", "%s %a %n", "/data/local.txt");
            s.run("restart", "-t", "0", "mda");
            s.run("exec", "mda", "ls", "-A", "/tt");
        });
    }

    @Test
    void tmpfsOptionsInLsDfMountAndProcMounts() throws Exception {
        servers.assertSame(s -> {
            s.run(run("--tmpfs", "/t:mode=1770,size=1m", "alpine", "sh", "-c",
                    "ls -ld /t | cut -c1-10; df /t; df -h /t; grep ' /t ' /proc/mounts; mount | grep ' /t '"));
            s.run(run("--mount", "type=tmpfs,dst=/t,tmpfs-mode=0700,tmpfs-size=2000000", "alpine", "sh", "-c",
                    "ls -ld /t | cut -c1-10; df /t; df -m /t; grep ' /t ' /etc/mtab"));
            s.run(run("--tmpfs", "/t", "alpine", "sh", "-c", "ls -ld /t | cut -c1-10; grep ' /t ' /proc/mounts"));
            s.run(run("alpine", "sh", "-c", "readlink /etc/mtab; df /dev/shm; df -h /dev; grep -c ^nameserver /etc/resolv.conf;"
                    + " grep -E ' /(proc|dev|dev/pts|dev/mqueue|dev/shm) ' /proc/mounts | cut -d' ' -f1-3"));
            s.run(run("alpine", "df", "/nope"));
            s.run(run("alpine", "sh", "-c", "mount -t tmpfs none /mnt; echo rc=$?; df -T /dev; df -P /dev/shm; df -k /dev/shm;"
                    + " df -a | grep -E ' /(proc|dev)$'"));
        });
    }

    /** dockerd lists changes in its overlay directories' order, which varies from run to run. */
    private static String sortedLines(String text) {
        return text.lines().sorted().map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
    }
}
