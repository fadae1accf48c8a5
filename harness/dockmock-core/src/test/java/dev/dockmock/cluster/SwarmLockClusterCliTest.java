package dev.dockmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-lock on a swarm of three managers and a worker, through the docker CLI: a manager power
 * cycled with {@code down}/{@code up} comes back locked (down for the others, refusing swarm
 * calls itself) until {@code docker swarm unlock} with the key it held; a worker comes back
 * unlocked; a swarm without auto-lock brings its managers back as they were.
 */
@Timeout(180)
class SwarmLockClusterCliTest {
    private static final String LOCKED = "Swarm is encrypted and needs to be unlocked before it can be used. Please use "
            + "\"docker swarm unlock\" to unlock it.";

    @TempDir
    Path home;
    private SwarmCluster cluster;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        cluster = SwarmCluster.builder().managers(3).workers(1).engineConfig(EngineConfig.defaults())
                .serverOptions(ServerOptions.defaults().withLog(line -> { })).start();
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private DockerCli docker(String node) {
        return DockerCli.withHome(home, Duration.ofSeconds(30)).host(cluster.node(node).dockerHost());
    }

    private Result ok(String node, String... args) throws Exception {
        Result result = docker(node).run(args);
        assertThat(result.exitCode()).as("docker %s on %s\n%s", String.join(" ", args), node, result).isZero();
        return result;
    }

    private String nodes(String via) throws Exception {
        return ok(via, "node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.ManagerStatus}}").stdout();
    }

    private void powerCycle(String node) {
        cluster.down(cluster.node(node));
        cluster.up(cluster.node(node));
    }

    @Test
    void aPowerCycledManagerIsLockedUntilUnlockedWithTheKeyItHeld() throws Exception {
        ok("manager2", "swarm", "update", "--autolock=true");   // through a replica, forwarded to the leader
        String key = ok("manager3", "swarm", "unlock-key", "-q").stdout().strip();

        powerCycle("manager2");
        assertThat(ok("manager2", "info", "--format", "{{.Swarm.LocalNodeState}}").stdout()).isEqualTo("locked\n");
        Result refused = docker("manager2").run("node", "ls");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("Error response from daemon: " + LOCKED);
        assertThat(nodes("manager1")).contains("manager2 Down Unreachable");
        assertThat(cluster.status()).filteredOn(s -> s.name().equals("manager2"))
                .singleElement().satisfies(s -> {
                    assertThat(s.state()).isEqualTo("locked");
                    assertThat(s.role()).isEqualTo("manager");
                    assertThat(s.reach()).isEqualTo("up");
                });

        String rotated = ok("manager1", "swarm", "unlock-key", "--rotate", "-q").stdout().strip();
        assertThat(rotated).isNotEqualTo(key);
        Result newKey = docker("manager2").stdin(rotated + "\n").run("swarm", "unlock");
        assertThat(newKey.exitCode()).isEqualTo(1);
        assertThat(newKey.stderr()).contains("swarm could not be unlocked: invalid key provided");

        Result unlock = docker("manager2").stdin(key + "\n").run("swarm", "unlock");
        assertThat(unlock.exitCode()).as(unlock.toString()).isZero();
        assertThat(nodes("manager2").lines()).containsExactlyInAnyOrder("manager1 Ready Leader", "manager2 Ready Reachable",
                "manager3 Ready Reachable", "worker1 Ready ");
        assertThat(ok("manager2", "swarm", "unlock-key", "-q").stdout()).isEqualTo(rotated + "\n");   // forwarded again
    }

    @Test
    void aLockedFormerLeaderRejoinsAsAReplicaAndAWorkerIsNeverLocked() throws Exception {
        ok("manager1", "swarm", "update", "--autolock=true");
        String key = ok("manager1", "swarm", "unlock-key", "-q").stdout().strip();

        powerCycle("worker1");
        assertThat(ok("worker1", "info", "--format", "{{.Swarm.LocalNodeState}}").stdout()).isEqualTo("active\n");

        powerCycle("manager1");
        assertThat(cluster.leader().name()).isEqualTo("manager2");
        assertThat(ok("manager1", "info", "--format", "{{.Swarm.LocalNodeState}}").stdout()).isEqualTo("locked\n");
        assertThat(nodes("manager3")).contains("manager1 Down Unreachable");

        Result unlock = docker("manager1").stdin(key + "\n").run("swarm", "unlock");
        assertThat(unlock.exitCode()).as(unlock.toString()).isZero();
        assertThat(nodes("manager1").lines()).containsExactlyInAnyOrder("manager1 Ready Reachable", "manager2 Ready Leader",
                "manager3 Ready Reachable", "worker1 Ready ");
    }

    @Test
    void withoutAutolockAPowerCycledManagerComesBackUnlocked() throws Exception {
        powerCycle("manager3");
        assertThat(ok("manager3", "info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}").stdout())
                .isEqualTo("active true\n");
        assertThat(nodes("manager3")).contains("manager3 Ready Reachable");
        Result unlock = docker("manager3").stdin("SWMKEY-1-" + "A".repeat(43) + "\n").run("swarm", "unlock");
        assertThat(unlock.stderr()).contains("Error: swarm is not locked");
    }
}
