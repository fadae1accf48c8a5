package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.testing.Await;
import dev.dockmock.testing.ControlledCliTest;
import dev.dockmock.testing.DockerCli.Result;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Swarm auto-lock through the docker CLI 28 on one engine: {@code swarm init --autolock} prints
 * the key, {@code unlock-key} shows and rotates it, {@code swarm update --autolock} turns it on and
 * off, and a daemon restart (the admin API's) leaves the manager locked until {@code swarm unlock}
 * reads the key from standard input.
 */
@Timeout(120)
class SwarmLockCliTest extends ControlledCliTest {
    private static final Pattern KEY_BLOCK = Pattern.compile("To unlock a swarm manager after it restarts, run the "
            + "`docker swarm unlock`\ncommand and provide the following key:\n\n    (SWMKEY-1-[A-Za-z0-9+/]{43})\n\n"
            + "Remember to store this key in a password manager, since without it you\nwill not be able to restart the manager.\n");
    private static final String LOCKED = "Error response from daemon: Swarm is encrypted and needs to be unlocked before it can be "
            + "used. Please use \"docker swarm unlock\" to unlock it.";


    private static String key(String output) {
        Matcher matcher = KEY_BLOCK.matcher(output);
        assertThat(matcher.find()).as("the unlock key block in:\n%s", output).isTrue();
        return matcher.group(1);
    }

    private String services() {
        try {
            return docker.ok("service", "ls", "--format", "{{.Name}} {{.Replicas}}").stdout();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void restartDaemon() throws Exception {
        HttpResponse<String> restart = dockmock.admin("POST", "/_dockmock/daemon/restart", null);
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(200);
    }

    @Test
    void initWithAutolockPrintsTheKeyAndUnlockKeyShowsAndRotatesIt() throws Exception {
        Result init = docker.ok("swarm", "init", "--autolock", "--advertise-addr", "127.0.0.1");
        assertThat(init.stdout()).startsWith("Swarm initialized: current node (");
        String key = key(init.stdout());

        assertThat(key(docker.ok("swarm", "unlock-key").stdout())).isEqualTo(key);
        assertThat(docker.ok("swarm", "unlock-key", "-q").stdout()).isEqualTo(key + "\n");

        Result rotate = docker.ok("swarm", "unlock-key", "--rotate");
        assertThat(rotate.stdout()).startsWith("Successfully rotated manager unlock key.\n");
        String rotated = key(rotate.stdout());
        assertThat(rotated).isNotEqualTo(key);
        Result quietRotate = docker.ok("swarm", "unlock-key", "--rotate", "-q");
        assertThat(quietRotate.stdout()).matches("SWMKEY-1-[A-Za-z0-9+/]{43}\n").isNotEqualTo(rotated + "\n");
        assertThat(docker.ok("info", "--format", "{{.Swarm.Cluster.Spec.EncryptionConfig.AutoLockManagers}}").stdout())
                .isEqualTo("true\n");
    }

    @Test
    void updateTurnsAutolockOnAndOff() throws Exception {
        docker.ok("swarm", "init", "--advertise-addr", "127.0.0.1");
        Result none = docker.run("swarm", "unlock-key");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.stderr()).contains("no unlock key is set");
        Result noRotate = docker.run("swarm", "unlock-key", "--rotate");
        assertThat(noRotate.exitCode()).isEqualTo(1);
        assertThat(noRotate.stderr()).contains("cannot rotate because autolock is not turned on");

        Result on = docker.ok("swarm", "update", "--autolock=true");
        assertThat(on.stdout()).startsWith("Swarm updated.\n");
        String key = key(on.stdout());
        assertThat(docker.ok("swarm", "unlock-key", "-q").stdout()).isEqualTo(key + "\n");

        Result off = docker.ok("swarm", "update", "--autolock=false");
        assertThat(off.stdout()).isEqualTo("Swarm updated.\n");
        assertThat(docker.run("swarm", "unlock-key").stderr()).contains("no unlock key is set");

        restartDaemon();   // without auto-lock a restarted manager is not locked
        assertThat(docker.ok("info", "--format", "{{.Swarm.LocalNodeState}}").stdout()).isEqualTo("active\n");
        Result notLocked = docker.stdin(key + "\n").run("swarm", "unlock");
        assertThat(notLocked.exitCode()).isEqualTo(1);
        assertThat(notLocked.stderr()).contains("Error: swarm is not locked");
    }

    @Test
    void aRestartedManagerIsLockedUntilUnlockedWithItsKey() throws Exception {
        String key = key(docker.ok("swarm", "init", "--autolock", "--advertise-addr", "127.0.0.1").stdout());
        docker.ok("service", "create", "--detach", "--replicas", "1", "--name", "web", "nginx");

        Await.until(Duration.ofSeconds(10), () -> services().equals("web 1/1\n"), "web running");
        restartDaemon();
        // the restart stopped the task's container, and nothing replaces it while the manager is locked
        assertThat(docker.ok("ps", "-a", "--format", "{{.Status}}").stdout()).startsWith("Exited (0)").hasLineCount(1);

        assertThat(docker.ok("info", "--format", "{{.Swarm.LocalNodeState}}|{{.Swarm.NodeID}}|{{.Swarm.ControlAvailable}}|{{.Swarm.Error}}")
                .stdout()).isEqualTo("locked||false|" + LOCKED.substring("Error response from daemon: ".length()) + "\n");
        assertThat(docker.ok("info").stdout()).contains(" Swarm: locked\n").doesNotContain("NodeID:");
        for (String[] command : new String[][] {{"node", "ls"}, {"service", "ls"}, {"swarm", "unlock-key"}, {"swarm", "ca"},
                {"swarm", "update", "--autolock=false"}}) {
            Result refused = docker.run(command);
            assertThat(refused.exitCode()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(refused.stderr()).as(String.join(" ", command)).contains(LOCKED);
        }
        assertThat(docker.run("swarm", "leave").stderr()).contains("Error response from daemon: Swarm is encrypted and locked. "
                + "Please unlock it first or use `--force` to ignore this message.");
        assertThat(docker.run("swarm", "init").stderr()).contains("This node is already part of a swarm.");

        Result malformed = docker.stdin("not-a-key\n").run("swarm", "unlock");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.stderr()).contains("Error response from daemon: invalid key string");
        Result wrong = docker.stdin("SWMKEY-1-" + "A".repeat(43) + "\n").run("swarm", "unlock");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.stderr()).contains("Error response from daemon: swarm could not be unlocked: invalid key provided");
        assertThat(docker.ok("info", "--format", "{{.Swarm.LocalNodeState}}").stdout()).isEqualTo("locked\n");

        Result unlock = docker.stdin(key + "\n").run("swarm", "unlock");
        assertThat(unlock.exitCode()).as(unlock.toString()).isZero();
        assertThat(unlock.stdout()).isEmpty();
        assertThat(docker.ok("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}").stdout())
                .isEqualTo("active true\n");
        assertThat(docker.ok("node", "ls", "--format", "{{.Status}} {{.ManagerStatus}}").stdout()).isEqualTo("Ready Leader\n");
        // once unlocked, the orchestrator replaces the task whose container the restart stopped
        Await.until(Duration.ofSeconds(10), () -> services().equals("web 1/1\n"), "web running again");
        assertThat(docker.ok("service", "ps", "web", "--format", "{{.DesiredState}}").stdout().lines().toList())
                .containsExactly("Running", "Shutdown");
        assertThat(docker.ok("swarm", "unlock-key", "-q").stdout()).isEqualTo(key + "\n");
        assertThat(docker.stdin(key + "\n").run("swarm", "unlock").stderr()).contains("Error: swarm is not locked");
    }

    @Test
    void aLockedManagerCanBeForcedToLeave() throws Exception {
        docker.ok("swarm", "init", "--autolock", "--advertise-addr", "127.0.0.1");
        restartDaemon();
        docker.ok("swarm", "leave", "--force");
        assertThat(docker.ok("info", "--format", "{{.Swarm.LocalNodeState}}").stdout()).isEqualTo("inactive\n");
        Result unlock = docker.stdin("SWMKEY-1-" + "A".repeat(43) + "\n").run("swarm", "unlock");
        assertThat(unlock.stderr()).contains("Error: This node is not part of a swarm");
    }
}
