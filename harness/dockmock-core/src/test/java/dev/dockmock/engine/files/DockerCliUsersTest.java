package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import dev.dockmock.engine.ServedDockerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --user} and {@code exec -u}, through the real docker CLI: who the process is, its
 * {@code HOME}, whose files it makes and what it may not change. The expected text is what a
 * real dockerd 20.10 printed for the same commands in its busybox image (the same
 * {@code /etc/passwd} and {@code /etc/group} as dockmock's alpine: root, nobody, nogroup).
 */
@Timeout(120)
class DockerCliUsersTest extends AlpineDockerCliTest {
    private static final String PROBE = "id; whoami; echo HOME=$HOME; touch /tmp/f && ls -ln /tmp/f | awk '{print $3, $4}'";

    @Test
    void aNamedUserRunsWithItsIdsGroupsAndHome() throws Exception {
        assertThat(docker.run("run", "--rm", "--user", "nobody", "alpine", "sh", "-c", PROBE).stdout())
                .isEqualTo("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\nnobody\nHOME=/nonexistent\n65534 65534\n");
    }

    @Test
    void aNumberWithoutAnEntryHasGroupRootAndHomeSlash() throws Exception {
        ServedDockerCli.Result bare = docker.run("run", "--rm", "--user", "1000", "alpine", "sh", "-c", PROBE);
        assertThat(bare.stdout()).isEqualTo("uid=1000 gid=0(root) groups=0(root)\nHOME=/\n1000 0\n");
        assertThat(bare.stderr()).isEqualTo("whoami: unknown uid 1000\n");
        assertThat(docker.run("run", "--rm", "--user", "1000:1000", "alpine", "sh", "-c", "id; id -un; echo $?").all())
                .contains("uid=1000 gid=1000 groups=1000\n", "id: unknown ID 1000\n", "1000\n1\n");
    }

    @Test
    void aGroupGivenReplacesTheLoginGroup() throws Exception {
        assertThat(ok("run", "--rm", "--user", "nobody:root", "alpine", "sh", "-c", "id; touch /tmp/g; stat -c '%u %g' /tmp/g").stdout())
                .isEqualTo("uid=65534(nobody) gid=0(root) groups=0(root)\n65534 0\n");
        assertThat(ok("run", "--rm", "--user", "0:65534", "alpine", "sh", "-c", "id; echo HOME=$HOME").stdout())
                .isEqualTo("uid=0(root) gid=65534(nogroup) groups=65534(nogroup)\nHOME=/root\n");
    }

    @Test
    void aUserMayNotChangeWhatRootOwns() throws Exception {
        ServedDockerCli.Result denied = docker.run("run", "--rm", "--user", "nobody", "alpine", "sh", "-c",
                "echo x > /etc/y; mkdir /etc/d; rm /etc/passwd; chmod 777 /tmp; touch /etc/hosts; echo done > /tmp/mine; cat /tmp/mine");
        assertThat(denied.exitCode()).isZero();
        assertThat(denied.stderr()).isEqualTo("sh: can't create /etc/y: Permission denied\n"
                + "mkdir: can't create directory '/etc/d': Permission denied\n"
                + "rm: can't remove '/etc/passwd': Permission denied\n"
                + "chmod: /tmp: Operation not permitted\n"
                + "touch: /etc/hosts: Permission denied\n");
        assertThat(denied.stdout()).isEqualTo("done\n");
        // and root, in the same image, may
        assertThat(docker.run("run", "--rm", "alpine", "sh", "-c", "echo x > /etc/y && mkdir /etc/d && echo ok").stdout()).isEqualTo("ok\n");
    }

    @Test
    void execTakesTheContainersUserUnlessToldAnother() throws Exception {
        ok("run", "-d", "--name", "box", "--user", "nobody", "alpine", "sleep", "1000");
        assertThat(ok("exec", "box", "id", "-u").stdout()).isEqualTo("65534\n");
        assertThat(ok("exec", "-u", "root", "box", "sh", "-c", "id -un; echo $HOME").stdout()).isEqualTo("root\n/root\n");
        assertThat(ok("exec", "-u", "0:65534", "box", "id", "-G").stdout()).isEqualTo("65534\n");
        ServedDockerCli.Result unknown = docker.run("exec", "-u", "nosuch", "box", "id");
        assertThat(unknown.exitCode()).isEqualTo(126);
        assertThat(unknown.stdout()).isEqualTo("unable to find user nosuch: no matching entries in passwd file\r\n");
    }

    @Test
    void anUnknownUserNameFailsTheStartAsDockerdDoes() throws Exception {
        ServedDockerCli.Result run = docker.run("run", "--rm", "--user", "nosuch", "alpine", "id");
        assertThat(run.exitCode()).isEqualTo(125);
        assertThat(run.stderr()).startsWith("docker: Error response from daemon: unable to find user nosuch: no matching entries in passwd file");
        ok("create", "--name", "later", "--user", "nobody:nosuch", "alpine", "id");
        ServedDockerCli.Result start = docker.run("start", "later");
        assertThat(start.stderr()).contains("unable to find group nosuch: no matching entries in group file");
        assertThat(ok("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "later").stdout()).isEqualTo("created 128\n");
    }
}
