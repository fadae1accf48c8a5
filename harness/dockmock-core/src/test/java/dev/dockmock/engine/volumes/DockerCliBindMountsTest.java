package dev.dockmock.engine.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import dev.dockmock.engine.ServedDockerCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bind mounts reach the host, as dockerd's do, through the real docker CLI: a process and
 * {@code docker cp} read and write the host directory (or a single bound file), {@code :ro} and
 * {@code readonly} refuse writes, {@code -v} makes a missing source, {@code --mount} refuses one,
 * and a link inside the bind is evaluated in the container's root, never on the host.
 */
@Timeout(120)
class DockerCliBindMountsTest extends AlpineDockerCliTest {
    @TempDir
    Path host;

    @Test
    void aProcessReadsAndWritesTheHostDirectory() throws Exception {
        Files.writeString(host.resolve("from-host.txt"), "hello from the host\n");
        String bind = host + ":/data";

        assertThat(ok("run", "--rm", "-v", bind, "alpine", "cat", "/data/from-host.txt").stdout()).isEqualTo("hello from the host\n");
        ok("run", "--rm", "-v", bind, "alpine", "sh", "-c", "mkdir /data/sub && echo written > /data/sub/out.txt");
        assertThat(Files.readString(host.resolve("sub/out.txt"))).isEqualTo("written\n");
        ok("run", "--rm", "--mount", "type=bind,src=" + host + ",dst=/srv", "alpine", "rm", "/srv/from-host.txt");
        assertThat(host.resolve("from-host.txt")).doesNotExist();
        assertThat(ok("run", "--rm", "-v", bind, "alpine", "ls", "/data").stdout()).isEqualTo("sub\n");
    }

    @Test
    void dockerCpReadsAndWritesThroughTheBind() throws Exception {
        ok("run", "-d", "--name", "box", "-v", host + ":/data", "alpine", "sleep", "1000");
        Files.writeString(docker.workDir().resolve("local.txt"), "copied in\n");
        ok("cp", "local.txt", "box:/data/local.txt");
        assertThat(Files.readString(host.resolve("local.txt"))).isEqualTo("copied in\n");

        Files.writeString(host.resolve("h.txt"), "host side\n");
        ok("cp", "box:/data/h.txt", "out.txt");
        assertThat(Files.readString(docker.workDir().resolve("out.txt"))).isEqualTo("host side\n");
        assertThat(ok("diff", "box").stdout().lines().toList()).containsExactly("A /data");
    }

    @Test
    void aBoundFileIsTheHostFileAndReadOnlyRefusesWrites() throws Exception {
        Files.writeString(host.resolve("app.conf"), "key=value\n");
        String file = host.resolve("app.conf") + ":/etc/app.conf:ro";
        assertThat(ok("run", "--rm", "-v", file, "alpine", "cat", "/etc/app.conf").stdout()).isEqualTo("key=value\n");

        ServedDockerCli.Result refused = docker.run("run", "--rm", "-v", file, "alpine", "sh", "-c", "echo more >> /etc/app.conf");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("sh: can't create /etc/app.conf: Read-only file system\n");
        ServedDockerCli.Result mounted = docker.run("run", "--rm", "--mount", "type=bind,src=" + host + ",dst=/data,readonly",
                "alpine", "touch", "/data/new");
        assertThat(mounted.stderr()).isEqualTo("touch: /data/new: Read-only file system\n");
        assertThat(Files.readString(host.resolve("app.conf"))).isEqualTo("key=value\n");
        assertThat(host.resolve("new")).doesNotExist();
    }

    @Test
    void theHostsOwnerAndModeAreShown() throws Exception {
        Path file = Files.writeString(host.resolve("owned.txt"), "x\n");
        Files.setAttribute(file, "unix:mode", 0640);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Files.setAttribute(file, "unix:uid", 1234);
            Files.setAttribute(file, "unix:gid", 5678);
        }
        String listing = ok("run", "--rm", "-v", host + ":/data", "alpine", "ls", "-ln", "/data/owned.txt").stdout();
        assertThat(listing).startsWith("-rw-r-----").contains(root ? " 1234     5678 " : " ").endsWith(" /data/owned.txt\n");
    }

    @Test
    void aMissingSourceIsMadeByDashVAndRefusedByMount() throws Exception {
        Path missing = host.resolve("made/by/v");
        ok("run", "--rm", "-v", missing + ":/data", "alpine", "sh", "-c", "echo x > /data/f");
        assertThat(Files.readString(missing.resolve("f"))).isEqualTo("x\n");

        ServedDockerCli.Result refused = docker.run("run", "--rm", "--mount", "type=bind,src=" + host.resolve("nope") + ",dst=/d",
                "alpine", "true");
        assertThat(refused.exitCode()).isEqualTo(125);
        assertThat(refused.stderr()).startsWith("docker: Error response from daemon: invalid mount config for type \"bind\": "
                + "bind source path does not exist: " + host.resolve("nope") + "\n");

        ServedDockerCli.Result unmakeable = docker.run("run", "--rm", "-v", "/proc/dockmock-nope:/data", "alpine", "true");
        assertThat(unmakeable.exitCode()).isEqualTo(127);
        assertThat(unmakeable.stderr()).startsWith("docker: Error response from daemon: error while creating mount source path "
                + "'/proc/dockmock-nope': mkdir /proc/dockmock-nope: no such file or directory\n");
        assertThat(ok("ps", "-aq").stdout()).isEmpty();
    }

    @Test
    void aLinkInsideTheBindNeverLeadsOutOfItOnTheHost(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret"), "host secret\n");
        Files.createSymbolicLink(host.resolve("out"), outside);
        Files.createSymbolicLink(host.resolve("abs"), outside.resolve("secret"));

        ServedDockerCli.Result through = docker.run("run", "--rm", "-v", host + ":/data", "alpine", "cat", "/data/out/secret");
        assertThat(through.exitCode()).isEqualTo(1);
        assertThat(through.stdout()).isEmpty();
        ServedDockerCli.Result escaping = docker.run("run", "--rm", "-v", host + ":/data", "alpine", "sh", "-c",
                "echo changed > /data/abs; cat /data/../../" + outside.getFileName());
        assertThat(escaping.stdout()).doesNotContain("host secret");
        assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("host secret\n");
        assertThat(ok("run", "--rm", "-v", host + ":/data", "alpine", "readlink", "/data/out").stdout()).isEqualTo(outside + "\n");
    }
}
