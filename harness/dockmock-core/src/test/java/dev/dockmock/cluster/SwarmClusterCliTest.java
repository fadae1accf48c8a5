package dev.dockmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.swarm.Swarm;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker CLI against a swarm of three managers and two workers in one process, each node on
 * a listener of its own: the leader, a replica manager that forwards, a worker that refuses, a
 * service spread over the nodes, a leadership change while clients are connected, a worker leaving.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmClusterCliTest {
    @TempDir
    static Path home;
    private static SwarmCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        Path sockets = Files.createTempDirectory(Path.of("/tmp"), "dmc");
        sockets.toFile().deleteOnExit();
        cluster = SwarmCluster.builder().managers(3).workers(2)
                .hosts(List.of("unix://" + sockets.resolve("m1.sock"), "unix://" + sockets.resolve("m2.sock")))
                .engineConfig(EngineConfig.defaults())
                .serverOptions(ServerOptions.defaults().withLog(line -> { }))
                .start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static DockerCli on(String node) {
        return DockerCli.withHome(home, Duration.ofSeconds(30)).host(cluster.node(node).dockerHost());
    }

    private static Result ok(String node, String... args) throws Exception {
        Result result = on(node).run(args);
        assertThat(result.exitCode()).as("docker %s on %s\n%s", String.join(" ", args), node, result).isZero();
        return result;
    }

    @Test
    @Order(1)
    void everyNodeListensAndKnowsItsPlace() throws Exception {
        assertThat(cluster.node("manager1").dockerHost()).startsWith("unix://");
        assertThat(cluster.node("worker2").dockerHost()).startsWith("tcp://127.0.0.1:");
        assertThat(ok("manager1", "info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.Nodes}} "
                + "{{.Swarm.Managers}} {{.Name}}").stdout()).isEqualTo("active true 5 3 manager1\n");
        assertThat(ok("worker1", "info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.NodeAddr}}")
                .stdout()).isEqualTo("active false 127.0.0.4\n");
        String nodes = ok("manager1", "node", "ls", "--format", "{{.Hostname}} {{.Self}} {{.Status}} {{.ManagerStatus}}").stdout();
        assertThat(nodes.lines()).containsExactlyInAnyOrder("manager1 true Ready Leader", "manager2 false Ready Reachable",
                "manager3 false Ready Reachable", "worker1 false Ready ", "worker2 false Ready ");
    }

    @Test
    @Order(2)
    void aReplicaManagerForwardsToTheLeaderAndAWorkerRefuses() throws Exception {
        assertThat(cluster.node("manager2").server().dispatcher()).isInstanceOf(ForwardingDispatcher.class);
        assertThat(ok("manager2", "node", "ls", "--format", "{{.Hostname}} {{.Self}}").stdout()).contains("manager2 true");
        Result worker = on("worker1").run("node", "ls");
        assertThat(worker.exitCode()).isEqualTo(1);
        assertThat(worker.stderr()).contains("Error response from daemon: " + Swarm.WORKER);
    }

    @Test
    @Order(3)
    void aServiceSpreadsOverTheNodes() throws Exception {
        Result create = ok("manager2", "service", "create", "--replicas", "5", "--name", "web", "nginx");
        assertThat(create.stdout()).contains("overall progress: 5 out of 5 tasks").containsPattern("verify: Service [0-9a-z]{25} converged");
        String ps = ok("manager3", "service", "ps", "--format", "{{.Node}}", "web").stdout();
        assertThat(ps.lines().sorted()).containsExactly("manager1", "manager2", "manager3", "worker1", "worker2");
        for (ClusterNode node : cluster.nodes()) {
            assertThat(ok(node.name(), "ps", "--format", "{{.Names}}").stdout()).as(node.name()).matches("web\\.[1-5]\\.[0-9a-z]{25}\\n");
        }
    }

    @Test
    @Order(4)
    void leadershipMovesAndTheDispatchersFollow() throws Exception {
        cluster.transferLeadership(cluster.node("manager3"));
        assertThat(cluster.leader().name()).isEqualTo("manager3");
        assertThat(cluster.node("manager3").server().dispatcher()).isNotInstanceOf(ForwardingDispatcher.class);
        assertThat(cluster.node("manager1").server().dispatcher()).isInstanceOf(ForwardingDispatcher.class);
        assertThat(ok("manager1", "node", "ls", "--format", "{{.Hostname}} {{.ManagerStatus}}").stdout())
                .contains("manager3 Leader").contains("manager1 Reachable");
        assertThat(ok("manager1", "service", "scale", "web=6").stdout()).contains("verify: Service web converged");
    }

    @Test
    @Order(5)
    void aWorkerThatLeavesIsDownAndItsTaskMoves() throws Exception {
        assertThat(ok("worker2", "swarm", "leave").stdout()).isEqualTo("Node left the swarm.\n");
        assertThat(ok("worker2", "ps", "-a", "-q").stdout()).isEmpty();
        assertThat(ok("manager2", "node", "ls", "--format", "{{.Hostname}} {{.Status}}").stdout()).contains("worker2 Down");
        Await.until(Duration.ofSeconds(10), () -> running("web") == 6, "six running tasks again");
        String ps = ok("manager1", "service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}}", "web").stdout();
        assertThat(ps).doesNotContain("worker2");
        assertThat(ok("worker2", "info", "--format", "{{.Swarm.LocalNodeState}}").stdout()).isEqualTo("inactive\n");
    }

    @Test
    @Order(6)
    void promotionAndDemotionChangeWhoAnswers() throws Exception {
        ok("manager1", "node", "promote", "worker1");
        assertThat(ok("worker1", "node", "ls", "--format", "{{.Hostname}} {{.Self}} {{.ManagerStatus}}").stdout())
                .contains("worker1 true Reachable");
        assertThat(cluster.node("worker1").server().dispatcher()).isInstanceOf(ForwardingDispatcher.class);
        ok("manager3", "node", "demote", "manager2");
        assertThat(cluster.node("manager2").server().dispatcher()).isNotInstanceOf(ForwardingDispatcher.class);
        assertThat(on("manager2").run("service", "ls").stderr()).contains(Swarm.WORKER);
        assertThat(ok("manager2", "info", "--format", "{{.Swarm.ControlAvailable}}").stdout()).isEqualTo("false\n");
    }

    @Test
    @Order(7)
    void whenTheLeaderDiesAnotherManagerIsElectedAndTheTasksMove() throws Exception {
        ClusterNode old = cluster.leader();
        assertThat(old.name()).isEqualTo("manager3");
        cluster.fail(old);
        ClusterNode leader = cluster.leader();
        assertThat(leader.name()).isIn("manager1", "worker1");
        assertThat(leader.server().dispatcher()).isNotInstanceOf(ForwardingDispatcher.class);
        assertThat(on("manager3").run("version").exitCode()).isEqualTo(1);
        String nodes = ok("manager1", "node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.ManagerStatus}}").stdout();
        assertThat(nodes).contains("manager3 Down Unreachable").contains(leader.name() + " Ready Leader");
        Await.until(Duration.ofSeconds(10), () -> running("web") == 6, "six running tasks on the nodes left");
        assertThat(ok("manager1", "service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}}", "web").stdout())
                .doesNotContain("manager3").doesNotContain("worker2");
    }

    private static long running(String service) {
        try {
            return ok("manager1", "service", "ps", "--filter", "desired-state=running", "--format", "{{.CurrentState}}", service)
                    .stdout().lines().filter(l -> l.startsWith("Running")).count();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
