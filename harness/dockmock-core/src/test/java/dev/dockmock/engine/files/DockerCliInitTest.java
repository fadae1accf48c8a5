package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --init} through the real docker CLI: {@code docker-init} is PID 1 with the command as
 * its child, and the command, no longer PID 1, dies of the signals a PID 1 shell ignores (as
 * dockerd 20.10 showed: {@code stop} ends with 143 at once, {@code kill -s INT} with 130).
 */
@Timeout(120)
class DockerCliInitTest extends AlpineDockerCliTest {

    @Test
    void initIsPidOneAndTheCommandItsChild() throws Exception {
        assertThat(ok("run", "--rm", "--init", "alpine", "ps", "-o", "pid,ppid,args").stdout())
                .isEqualTo("PID   PPID  COMMAND\n    1     0 /sbin/docker-init -- ps -o pid,ppid,args\n    7     1 ps -o pid,ppid,args\n");
    }

    @Test
    void stopEndsTheCommandWithSigtermInsteadOfWaitingToKill() throws Exception {
        ok("run", "-d", "--name", "with-init", "--init", "alpine", "sleep", "1000");
        ok("run", "-d", "--name", "without", "alpine", "sleep", "1000");
        ok("stop", "with-init", "without");
        assertThat(ok("inspect", "-f", "{{.State.ExitCode}}", "with-init", "without").stdout()).isEqualTo("143\n137\n");
        ok("run", "-d", "--name", "interrupted", "--init", "alpine", "sh", "-c", "sleep 1000");
        ok("kill", "-s", "INT", "interrupted");
        assertThat(ok("wait", "interrupted").stdout()).isEqualTo("130\n");
    }
}
