package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import dev.dockmock.engine.ServedDockerCli;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ls -l}, {@code chmod} and {@code chown} in a container, seen through the real docker CLI:
 * the changed modes and owners show in later execs, in what {@code docker cp} copies out and in
 * {@code docker diff}.
 */
@Timeout(120)
class DockerCliLongListingTest extends AlpineDockerCliTest {
    /** The time column of a recent file: {@code Nov  5 09:03}. */
    private static final String RECENT_TIME = "[A-Z][a-z]{2} [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]";

    @BeforeEach
    void startABox() throws Exception {
        ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
    }

    @Test
    void lsLongShowsModeOwnerSizeAndTime() throws Exception {
        int size = ok("exec", "box", "cat", "/etc/hostname").stdout().length();
        assertThat(ok("exec", "box", "ls", "-l", "/etc/hostname").stdout())
                .matches(String.format("-rw-r--r--    1 root     root     %9d %s /etc/hostname\n", size, RECENT_TIME));
        assertThat(ok("exec", "box", "ls", "-ld", "/tmp").stdout())
                .matches("drwxrwxrwt    2 root     root          4096 .* /tmp\n");

        ok("exec", "box", "sh", "-c", "cd /tmp && echo abc > f && mkdir d && touch e");
        assertThat(ok("exec", "box", "sh", "-c", "ls -ln /tmp | cut -c1-43").stdout()).isEqualTo("""
                total 8
                drwxr-xr-x    2 0        0             4096
                -rw-r--r--    1 0        0                0
                -rw-r--r--    1 0        0                4
                """);

        ServedDockerCli.Result missing = docker.run("exec", "box", "ls", "-l", "/nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("ls: /nope: No such file or directory\n");
    }

    @Test
    void chmodAndChownChangeWhatLsCpAndDiffSee() throws Exception {
        ok("exec", "box", "sh", "-c", "chmod u+x,go-r /etc/passwd && chown 5:7 /etc/group && chmod +x /etc/hosts");
        assertThat(ok("exec", "box", "sh", "-c", "ls -ln /etc/passwd /etc/group | cut -c1-26").stdout()).isEqualTo("""
                -rw-r--r--    1 5        7
                -rwx------    1 0        0
                """);
        assertThat(ok("exec", "box", "sh", "-c", "test -x /etc/passwd && echo runnable").stdout()).isEqualTo("runnable\n");

        ok("cp", "box:/etc/passwd", "passwd");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(docker.workDir().resolve("passwd"))))
                .isEqualTo("rwx------");
        assertThat(ok("diff", "box").stdout().lines().toList())
                .containsExactly("C /etc", "C /etc/group", "C /etc/hosts", "C /etc/passwd");
    }

    @Test
    void failuresAreBusyboxs() throws Exception {
        assertFails("chmod: /nope: No such file or directory\n", "chmod", "755", "/nope");
        assertFails("chmod: invalid mode 'zz'\n", "chmod", "zz", "/tmp");
        assertFails("chown: unknown user nosuch\n", "chown", "nosuch", "/tmp");
        assertFails("chgrp: unknown group nosuch\n", "chgrp", "nosuch", "/tmp");

        ServedDockerCli.Result readOnly = docker.run("run", "--rm", "--read-only", "alpine", "chmod", "600", "/etc/passwd");
        assertThat(readOnly.exitCode()).isEqualTo(1);
        assertThat(readOnly.stderr()).isEqualTo("chmod: /etc/passwd: Read-only file system\n");
    }

    private void assertFails(String stderr, String... command) throws Exception {
        String[] args = new String[command.length + 2];
        args[0] = "exec";
        args[1] = "box";
        System.arraycopy(command, 0, args, 2, command.length);
        ServedDockerCli.Result result = docker.run(args);
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(stderr);
    }
}
