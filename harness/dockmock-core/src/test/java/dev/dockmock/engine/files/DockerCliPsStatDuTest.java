package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import dev.dockmock.engine.ServedDockerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ps}, {@code stat}, {@code du} and awk's arrays in containers, through the real docker CLI.
 * The expected output has the shape a real dockerd's alpine container gives (busybox 1.35):
 * pid 1 is the main process, an exec'd process follows it.
 */
@Timeout(120)
class DockerCliPsStatDuTest extends AlpineDockerCliTest {
    private static final String HEADER = "PID   USER     TIME  COMMAND\n";
    @Test
    void psInARunIsItselfAsPidOne() throws Exception {
        assertThat(docker.ok("run", "--rm", "alpine", "ps").stdout()).isEqualTo(HEADER + "    1 root      0:00 ps\n");
    }

    @Test
    void psInAnExecListsTheMainProcessAndItself() throws Exception {
        docker.ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");

        assertThat(docker.ok("exec", "box", "ps").stdout()).isEqualTo(HEADER + "    1 root      0:00 sleep 1000\n    7 root      0:00 ps\n");
        // the first exec has ended; the next takes the next pid, as its user from /etc/passwd
        assertThat(docker.ok("exec", "-u", "65534", "box", "ps", "-o", "pid,user,args").stdout())
                .isEqualTo("PID   USER     COMMAND\n    1 root     sleep 1000\n    8 nobody   ps -o pid,user,args\n");
        // the classic: the pattern does not match the lines of the shell and grep that carry it
        assertThat(docker.ok("exec", "box", "sh", "-c", "ps aux | grep '[s]leep 1000'").stdout()).isEqualTo("    1 root      0:00 sleep 1000\n");
    }

    @Test
    void topListsTheSameProcessesAsPs() throws Exception {
        docker.ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
        docker.ok("exec", "-d", "box", "sleep", "500");

        java.util.List<String> top = docker.ok("top", "box").stdout().lines().toList();
        assertThat(top).hasSize(3);
        assertThat(top.get(1)).startsWith("root").endsWith("sleep 1000");
        assertThat(top.get(2)).startsWith("root").endsWith("sleep 500");
        assertThat(docker.ok("exec", "box", "ps", "-o", "pid,args").stdout())
                .isEqualTo("PID   COMMAND\n    1 sleep 1000\n    7 sleep 500\n    8 ps -o pid,args\n");
    }

    @Test
    void statAndDuSeeWhatProcessesWrote() throws Exception {
        docker.ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");

        assertThat(docker.ok("exec", "box", "sh", "-c", "echo hello > /tmp/f; stat -c '%n %s %a %A %U %F' /tmp/f /tmp").stdout())
                .isEqualTo("/tmp/f 6 644 -rw-r--r-- root regular file\n/tmp 4096 1777 drwxrwxrwt root directory\n");
        assertThat(docker.ok("exec", "box", "sh", "-c", "mkdir -p /d/s; printf abc > /d/s/x; : > /d/e; du /d; du -sh /d").stdout())
                .isEqualTo("8\t/d/s\n12\t/d\n12.0K\t/d\n");
        ServedDockerCli.Result missing = docker.run("exec", "box", "stat", "/nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("stat: can't stat '/nope': No such file or directory\n");
    }

    @Test
    void awkArraysAndLoops() throws Exception {
        docker.ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");

        // printf 'a 1\nb 2\na 3\n' | busybox awk '{s[$1]+=$2} END {for (k in s) print k, s[k]}'
        assertThat(docker.ok("exec", "box", "sh", "-c",
                "printf 'a 1\\nb 2\\na 3\\n' | awk '{s[$1]+=$2} END {for (k in s) print k, s[k]}'").stdout()).isEqualTo("a 4\nb 2\n");
        // busybox awk 'BEGIN {for (i = 3; i > 0; i--) printf "%d ", i; while (1) {if (++j >= 2) break}; print j; exit 4}'
        ServedDockerCli.Result loops = docker.run("exec", "box", "awk",
                "BEGIN {for (i = 3; i > 0; i--) printf \"%d \", i; while (1) {if (++j >= 2) break}; print j; exit 4}");
        assertThat(loops.stdout()).isEqualTo("3 2 1 2\n");
        assertThat(loops.exitCode()).isEqualTo(4);
    }
}
