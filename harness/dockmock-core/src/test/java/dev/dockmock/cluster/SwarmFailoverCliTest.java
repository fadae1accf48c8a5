package dev.dockmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.swarm.Swarm;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.Await;
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
 * Node faults on a swarm of three managers and a worker, as the docker CLI sees them through a
 * replica manager: the leader killed and a new one elected, two managers down and no leader,
 * then recovery; a node down and back; a partitioned manager.
 */
@Timeout(180)
class SwarmFailoverCliTest {
    @TempDir
    Path home;
    private SwarmCluster cluster;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        cluster = SwarmCluster.builder().managers(3).workers(1).engineConfig(EngineConfig.defaults())
                .serverOptions(ServerOptions.defaults().withLog(line -> { })).electionTimeout(Duration.ofMillis(300)).start();
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Result run(String node, String... args) throws Exception {
        return DockerCli.withHome(home, Duration.ofSeconds(30)).host(cluster.node(node).dockerHost()).run(args);
    }

    private Result ok(String node, String... args) throws Exception {
        Result result = run(node, args);
        assertThat(result.exitCode()).as("docker %s on %s\n%s", String.join(" ", args), node, result).isZero();
        return result;
    }

    private String nodes(String via) throws Exception {
        return ok(via, "node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.ManagerStatus}}").stdout();
    }

    @Test
    void theClientKeepsWorkingThroughAReplicaWhenTheLeaderDiesAndRecoversAfterQuorumLoss() throws Exception {
        Result create = ok("manager3", "service", "create", "--replicas", "2", "--name", "web", "nginx");
        assertThat(create.stdout()).containsPattern("verify: Service [0-9a-z]{25} converged");

        ClusterNode old = cluster.killLeader();
        assertThat(old.name()).isEqualTo("manager1");
        assertThat(cluster.currentLeader()).isEmpty();   // the election timeout has not passed
        assertThat(cluster.awaitLeader(Duration.ofSeconds(5)).name()).isEqualTo("manager2");
        Await.until(Duration.ofSeconds(10), () -> replicas("manager3").equals("2/2\n"), "the task of manager1 placed elsewhere");
        assertThat(nodes("manager3").lines()).containsExactlyInAnyOrder("manager1 Down Unreachable", "manager2 Ready Leader",
                "manager3 Ready Reachable", "worker1 Ready ");
        assertThat(run("manager1", "node", "ls").exitCode()).isNotZero();

        cluster.down(cluster.node("manager2"));   // two of three managers down: no quorum
        assertThat(cluster.currentLeader()).isEmpty();
        Result noLeader = run("manager3", "node", "ls");
        assertThat(noLeader.exitCode()).isEqualTo(1);
        assertThat(noLeader.stderr()).contains("Error response from daemon: " + Swarm.NO_LEADER);
        assertThat(ok("manager3", "info", "--format", "{{.Name}}").stdout()).isEqualTo("manager3\n");   // its own engine answers

        cluster.up(cluster.node("manager1"));
        assertThat(cluster.awaitLeader(Duration.ofSeconds(5)).name()).isEqualTo("manager1");
        cluster.up(cluster.node("manager2"));
        assertThat(nodes("manager3").lines()).containsExactlyInAnyOrder("manager1 Ready Leader", "manager2 Ready Reachable",
                "manager3 Ready Reachable", "worker1 Ready ");
        Await.until(Duration.ofSeconds(10), () -> replicas("manager3").equals("2/2\n"), "web running again");
    }

    private String replicas(String via) {
        try {
            return ok(via, "service", "ls", "--format", "{{.Replicas}}").stdout();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long runningOffWorker1() {
        try {
            return ok("manager1", "service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}} {{.CurrentState}}", "web")
                    .stdout().lines().filter(l -> l.contains("Running")).filter(l -> !l.startsWith("worker1")).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNodeDownHasItsTasksMovedAndComesBackReady() throws Exception {
        ok("manager1", "service", "create", "--replicas", "4", "--name", "web", "nginx");
        cluster.down(cluster.node("worker1"));
        assertThat(nodes("manager1").lines()).contains("worker1 Down ");
        Await.until(Duration.ofSeconds(10), () -> runningOffWorker1() == 4, "four tasks off worker1");
        cluster.up(cluster.node("worker1"));
        assertThat(nodes("manager1").lines()).contains("worker1 Ready ");
        String events = ok("manager1", "events", "--since", "0", "--until",
                String.valueOf(java.time.Instant.now().getEpochSecond() + 1), "--filter", "type=node",
                "--format", "{{.Actor.Attributes.name}} {{.Actor.Attributes}}").stdout();
        assertThat(events).contains("state.new:down").contains("state.new:ready");
    }

    @Test
    void aPartitionedManagerLosesTheLeaderAndAPartitionedLeaderIsReplaced() throws Exception {
        cluster.partition(cluster.node("manager3"));
        Result cut = run("manager3", "node", "ls");
        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.stderr()).contains(Swarm.NO_LEADER);
        assertThat(ok("manager3", "info", "--format", "{{.Name}}").stdout()).isEqualTo("manager3\n");
        assertThat(nodes("manager2").lines()).contains("manager1 Ready Leader", "manager3 Down Unreachable");

        cluster.partition(cluster.node("manager1"));   // two of three cut off: no quorum
        assertThat(run("manager2", "node", "ls").stderr()).contains(Swarm.NO_LEADER);
        cluster.heal(cluster.node("manager3"));
        assertThat(cluster.awaitLeader(Duration.ofSeconds(5)).name()).isIn("manager2", "manager3");
        assertThat(run("manager1", "node", "ls").stderr()).contains(Swarm.NO_LEADER);
        cluster.heal(cluster.node("manager1"));
        assertThat(nodes("manager1").lines()).contains("manager1 Ready Reachable");
    }
}
