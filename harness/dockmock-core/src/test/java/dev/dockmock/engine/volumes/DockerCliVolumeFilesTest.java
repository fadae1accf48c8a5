package dev.dockmock.engine.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import dev.dockmock.engine.ServedDockerCli;
import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Volumes hold files, seen through the real docker CLI: what one container writes below a mount
 * point another reads, {@code docker cp} goes through the mount, {@code :ro} refuses writes,
 * {@code docker diff} and {@code docker export} leave the volume out, removing the volume drops
 * its files, and a new volume is first filled with the image's files at its mount point.
 */
@Timeout(120)
class DockerCliVolumeFilesTest extends AlpineDockerCliTest {
    @Test
    void containersMountingAVolumeShareItsFiles() throws Exception {
        ok("volume", "create", "data");
        ok("run", "--rm", "-v", "data:/data", "alpine", "sh", "-c", "echo hi > /data/f");
        assertThat(ok("run", "--rm", "-v", "data:/data", "alpine", "cat", "/data/f").stdout()).isEqualTo("hi\n");

        ok("run", "-d", "--name", "box", "-v", "data:/data", "alpine", "sleep", "1000");
        assertThat(ok("exec", "box", "ls", "/data").stdout()).isEqualTo("f\n");
        ok("exec", "box", "sh", "-c", "echo from-a > /data/g");
        assertThat(ok("run", "--rm", "-v", "data:/srv/mounted", "alpine", "cat", "/srv/mounted/g").stdout()).isEqualTo("from-a\n");
        assertThat(ok("exec", "box", "ls", "/").stdout().lines().toList()).contains("data", "etc");
    }

    @Test
    void aReadOnlyMountRefusesWrites() throws Exception {
        ok("volume", "create", "data");
        ServedDockerCli.Result refused = docker.run("run", "--rm", "-v", "data:/data:ro", "alpine", "sh", "-c", "echo x > /data/g");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("sh: can't create /data/g: Read-only file system\n");
        assertThat(ok("run", "--rm", "-v", "data:/data", "alpine", "ls", "-A", "/data").stdout()).isEmpty();

        ok("run", "-d", "--name", "box", "-v", "data:/data:ro", "alpine", "sleep", "1000");
        Files.writeString(docker.workDir().resolve("local.txt"), "x\n");
        ServedDockerCli.Result copy = docker.run("cp", "local.txt", "box:/data/local.txt");
        assertThat(copy.exitCode()).isEqualTo(1);
        assertThat(copy.stderr()).isEqualTo("Error response from daemon: mounted volume is marked read-only\n");
    }

    @Test
    void dockerCpGoesThroughTheMountButDiffAndExportLeaveTheVolumeOut() throws Exception {
        ok("volume", "create", "data");
        ok("run", "-d", "--name", "box", "-v", "data:/data", "alpine", "sleep", "1000");
        Path work = docker.workDir();
        Files.writeString(work.resolve("local.txt"), "copied in\n");

        ok("cp", "local.txt", "box:/data/local.txt");
        assertThat(ok("run", "--rm", "-v", "data:/data", "alpine", "cat", "/data/local.txt").stdout()).isEqualTo("copied in\n");
        ok("run", "--rm", "-v", "data:/data", "alpine", "sh", "-c", "echo hi > /data/f");
        ok("cp", "box:/data/f", "out");
        assertThat(Files.readString(work.resolve("out"))).isEqualTo("hi\n");

        assertThat(ok("diff", "box").stdout().lines().toList()).containsExactly("A /data");
        ok("export", "-o", "box.tar", "box");
        List<String> exported = TarReader.read(Files.readAllBytes(work.resolve("box.tar"))).stream().map(TarEntry::name).toList();
        assertThat(exported).contains("etc/os-release").noneMatch(name -> name.startsWith("data/") && name.length() > "data/".length());
    }

    @Test
    void commitLeavesTheVolumeOut() throws Exception {
        ok("run", "--name", "box", "-v", "data:/data", "alpine", "sh", "-c", "echo kept > /root/r; echo shared > /data/f");
        ok("commit", "box", "snap");

        assertThat(ok("run", "--rm", "snap", "sh", "-c", "cat /root/r; ls -A /data").stdout()).isEqualTo("kept\n");
        assertThat(ok("run", "--rm", "-v", "data:/data", "snap", "cat", "/data/f").stdout()).isEqualTo("shared\n");
    }

    @Test
    void removingAVolumeDropsItsFiles() throws Exception {
        ok("volume", "create", "data");
        ok("run", "--rm", "-v", "data:/data", "alpine", "sh", "-c", "echo hi > /data/f");
        ok("volume", "rm", "data");
        ok("volume", "create", "data");
        assertThat(ok("run", "--rm", "-v", "data:/data", "alpine", "ls", "-A", "/data").stdout()).isEmpty();
    }

    @Test
    void aNewVolumeIsFilledWithTheImagesFilesAtItsMountPoint() throws Exception {
        assertThat(ok("run", "--rm", "-v", "/etc", "alpine", "ls", "/etc").stdout().lines().toList())
                .contains("alpine-release", "os-release", "passwd");
        ok("run", "--rm", "--mount", "type=volume,src=filled,dst=/etc", "alpine", "true");
        assertThat(ok("run", "--rm", "-v", "filled:/data", "alpine", "cat", "/data/alpine-release").stdout())
                .isEqualTo(ok("run", "--rm", "alpine", "cat", "/etc/alpine-release").stdout());
        assertThat(ok("run", "--rm", "--hostname", "web-1", "-v", "filled:/etc", "alpine", "cat", "/etc/hostname").stdout())
                .isEqualTo("web-1\n");
        assertThat(ok("run", "--rm", "--hostname", "web-2", "--mount", "type=volume,src=bare,dst=/etc,volume-nocopy", "alpine",
                "sh", "-c", "ls /etc; cat /etc/hostname").stdout()).isEqualTo("hostname\nhosts\nresolv.conf\nweb-2\n");

        ok("run", "--rm", "--mount", "type=volume,src=root,dst=/root", "alpine", "true");
        assertThat(ok("run", "--rm", "-v", "root:/data", "alpine", "ls", "-ld", "/data").stdout()).startsWith("drwx------");
    }

    @Test
    void onlyAnEmptyVolumeIsFilledAndNotWithNoCopy() throws Exception {
        ok("run", "--rm", "-v", "kept:/data", "alpine", "sh", "-c", "echo mine > /data/x");
        assertThat(ok("run", "--rm", "-v", "kept:/usr", "alpine", "ls", "/usr").stdout()).isEqualTo("x\n");

        ok("run", "--rm", "--mount", "type=volume,src=bare,dst=/usr,volume-nocopy", "alpine", "true");
        assertThat(ok("run", "--rm", "-v", "bare:/data", "alpine", "ls", "-A", "/data").stdout()).isEmpty();
        ok("run", "--rm", "-v", "bare2:/usr:nocopy", "alpine", "true");
        assertThat(ok("run", "--rm", "-v", "bare2:/data", "alpine", "ls", "-A", "/data").stdout()).isEmpty();
    }

    @Test
    void systemDfSizesAVolumeByItsFiles() throws Exception {
        ok("run", "--rm", "-v", "sized:/data", "alpine", "sh", "-c", "printf abc > /data/f; mkdir /data/d; printf 1234567 > /data/d/g");
        assertThat(ok("system", "df", "-v").stdout().lines().toList()).anyMatch(line -> line.strip().matches("sized\\s+0\\s+10B"));
    }
}
