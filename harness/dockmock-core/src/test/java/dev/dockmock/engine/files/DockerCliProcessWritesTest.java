package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import dev.dockmock.engine.ServedDockerCli;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What simulated processes write, seen through the real docker CLI: later commands, {@code docker
 * cp} and {@code docker diff} see it; {@code --read-only} refuses it, except on a tmpfs mount.
 */
@Timeout(120)
class DockerCliProcessWritesTest extends AlpineDockerCliTest {
    @Test
    void whatRunWritesIsReadBackCopiedOutAndListedByDiff() throws Exception {
        ServedDockerCli.Result run = ok("run", "--name", "once", "alpine", "sh", "-c",
                "echo hello > /tmp/greeting; cat /tmp/greeting");
        assertThat(run.stdout()).isEqualTo("hello\n");

        ok("cp", "once:/tmp/greeting", "out");
        assertThat(Files.readString(docker.workDir().resolve("out"))).isEqualTo("hello\n");
        assertThat(ok("diff", "once").stdout().lines().toList()).containsExactly("C /tmp", "A /tmp/greeting");
    }

    @Test
    void execsWriteAppendMakeDirectoriesAndRemove() throws Exception {
        ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
        ok("exec", "box", "sh", "-c", "echo hello > /tmp/greeting");
        ok("exec", "box", "sh", "-c", "echo more >> /tmp/greeting");
        assertThat(ok("exec", "box", "cat", "/tmp/greeting").stdout()).isEqualTo("hello\nmore\n");
        ok("cp", "box:/tmp/greeting", "out");
        assertThat(Files.readString(docker.workDir().resolve("out"))).isEqualTo("hello\nmore\n");

        assertThat(ok("exec", "box", "sh", "-c", "mkdir -p /data/x && touch /data/x/f && ls /data/x").stdout())
                .isEqualTo("f\n");
        ok("exec", "box", "rm", "/tmp/greeting");
        ServedDockerCli.Result gone = docker.run("exec", "box", "cat", "/tmp/greeting");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.stderr()).isEqualTo("cat: can't open '/tmp/greeting': No such file or directory\n");
        ok("exec", "box", "rm", "/etc/os-release");

        assertThat(ok("diff", "box").stdout().lines().toList())
                .containsExactly("A /data", "A /data/x", "A /data/x/f", "C /etc", "D /etc/os-release", "C /tmp");
    }

    @Test
    void headTailWcReadFilesAndTeeWritesStdin() throws Exception {
        ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
        java.util.List<String> hosts = ok("exec", "box", "cat", "/etc/hosts").stdout().lines().toList();
        assertThat(hosts).isNotEmpty();

        assertThat(ok("exec", "box", "head", "-n", "1", "/etc/hosts").stdout()).isEqualTo(hosts.get(0) + "\n");
        assertThat(ok("exec", "box", "tail", "-n", "1", "/etc/hosts").stdout()).isEqualTo(hosts.get(hosts.size() - 1) + "\n");
        assertThat(ok("exec", "box", "wc", "-l", "/etc/hosts").stdout()).isEqualTo(hosts.size() + " /etc/hosts\n");

        ServedDockerCli.Result tee = docker.runWithStdin("data\n", "exec", "-i", "box", "tee", "/tmp/t");
        assertThat(tee.exitCode()).as(tee.all()).isZero();
        assertThat(tee.stdout()).isEqualTo("data\n");
        assertThat(ok("exec", "box", "cat", "/tmp/t").stdout()).isEqualTo("data\n");

        ServedDockerCli.Result missing = docker.run("exec", "box", "head", "/tmp/none");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("head: /tmp/none: No such file or directory\n");
    }

    @Test
    void failedRedirectionsGiveAshsErrors() throws Exception {
        ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
        ServedDockerCli.Result noDir = docker.run("exec", "box", "sh", "-c", "echo x > /nope/x");
        assertThat(noDir.exitCode()).isEqualTo(1);
        assertThat(noDir.stderr()).isEqualTo("sh: can't create /nope/x: nonexistent directory\n");

        ServedDockerCli.Result dir = docker.run("exec", "box", "sh", "-c", "echo x > /tmp; echo after $?");
        assertThat(dir.exitCode()).isZero();
        assertThat(dir.stdout()).isEqualTo("after 1\n");
        assertThat(dir.stderr()).isEqualTo("sh: can't create /tmp: Is a directory\n");
    }

    @Test
    void readOnlyRootfsRefusesWritesButNotOnATmpfs() throws Exception {
        ServedDockerCli.Result refused = docker.run("run", "--rm", "--read-only", "alpine", "sh", "-c", "echo x > /x");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("sh: can't create /x: Read-only file system\n");

        ServedDockerCli.Result touch = docker.run("run", "--rm", "--read-only", "alpine", "touch", "/etc/hosts");
        assertThat(touch.exitCode()).isEqualTo(1);
        assertThat(touch.stderr()).isEqualTo("touch: /etc/hosts: Read-only file system\n");

        ServedDockerCli.Result tmpfs = ok("run", "--rm", "--read-only", "--tmpfs", "/tmp", "alpine", "sh", "-c",
                "echo kept > /tmp/x && cat /tmp/x");
        assertThat(tmpfs.stdout()).isEqualTo("kept\n");
    }
}
