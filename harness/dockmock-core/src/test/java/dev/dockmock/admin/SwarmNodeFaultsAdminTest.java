package dev.dockmock.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.engine.swarm.Swarm;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.Json;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.RawResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swarm node faults through the admin API over HTTP, as {@code dockmock serve --swarm --admin}
 * wires them (a control plane in front of every node, and an admin listener of its own), checked
 * with what the docker CLI shows: a node down and its tasks moved, the leader killed and a new one
 * elected, quorum loss and recovery, drain, partition, and a down node refusing connections.
 */
@Timeout(180)
class SwarmNodeFaultsAdminTest {
    @TempDir
    Path home;
    private AdminSwarm swarm;
    private DockMockControl control;
    private SwarmCluster cluster;

    @BeforeEach
    void start() throws Exception {
        assumeThat(DockerCli.available()).as("the docker CLI is installed").isTrue();
        swarm = AdminSwarm.start(home, dir -> SwarmCluster.builder().managers(3).workers(1)
                .hosts(List.of(dir.socket("m1.sock"), "tcp://127.0.0.1:0", "tcp://127.0.0.1:0", dir.socket("w1.sock"))));
        control = swarm.control();
        cluster = swarm.cluster();
    }

    @AfterEach
    void stop() {
        if (swarm != null) {
            swarm.close();
        }
    }

    private Result run(String node, String... args) throws Exception {
        return swarm.run(node, args);
    }

    private Result ok(String node, String... args) throws Exception {
        return swarm.ok(node, args);
    }

    private List<String> nodes(String via) throws Exception {
        return ok(via, "node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.Availability}} {{.ManagerStatus}}").stdout().lines().toList();
    }

    private String replicas(String via) {
        try {
            return ok(via, "service", "ls", "--format", "{{.Replicas}}").stdout();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RawResponse http(DockerHost host, String method, String path, String body) throws Exception {
        return AdminSwarm.http(host, method, path, body);
    }

    private RawResponse admin(String method, String path, String body) throws Exception {
        return swarm.admin(method, path, body);
    }

    private static JsonNode json(RawResponse response) {
        return Json.parse(response.body());
    }

    @Test
    void aNodeTakenDownOverHttpRefusesConnectionsItsTasksMoveAndUpRestoresIt() throws Exception {
        ok("manager1", "service", "create", "--replicas", "4", "--name", "web", "nginx");
        RawResponse down = admin("POST", "/_dockmock/nodes/worker1/faults", "{\"fault\": \"down\"}");
        assertThat(down.status()).isEqualTo(200);
        assertThat(json(down).path("nodes").get(3).path("reach").asText()).isEqualTo("down");

        assertThat(nodes("manager1")).contains("worker1 Down Active ");
        Await.until(Duration.ofSeconds(10), () -> replicas("manager1").equals("4/4\n"), "web back at 4/4 without worker1");
        assertThat(ok("manager1", "service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}}", "web").stdout())
                .doesNotContain("worker1");
        Result refused = run("worker1", "info");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("Cannot connect to the Docker daemon at " + cluster.node("worker1").dockerHost())
                .contains("Is the docker daemon running?");

        assertThat(admin("POST", "/_dockmock/nodes/worker1/faults", "{\"fault\": \"up\"}").status()).isEqualTo(200);
        assertThat(nodes("manager1")).contains("worker1 Ready Active ");
        assertThat(ok("worker1", "info", "--format", "{{.Name}}").stdout()).isEqualTo("worker1\n");
        String events = ok("manager1", "events", "--since", "0", "--until", String.valueOf(Instant.now().getEpochSecond() + 1),
                "--filter", "type=node", "--filter", "scope=swarm", "--format", "{{.Actor.Attributes.name}} {{.Actor.Attributes}}").stdout();
        assertThat(events).contains("state.new:down").contains("state.new:ready");
    }

    @Test
    void killingTheLeaderOverHttpKeepsAReplicaClientWorkingAndQuorumLossAnswersNoLeaderUntilUp() throws Exception {
        assertThat(admin("PUT", "/_dockmock/swarm/election-timeout", "{\"timeout\": \"200ms\"}").status()).isEqualTo(200);
        ok("manager3", "service", "create", "--replicas", "2", "--name", "web", "nginx");

        RawResponse killed = admin("POST", "/_dockmock/swarm/kill-leader", "");
        assertThat(killed.status()).isEqualTo(200);
        assertThat(json(killed).path("killed").asText()).isEqualTo("manager1");
        assertThat(cluster.awaitLeader(Duration.ofSeconds(5)).name()).isEqualTo("manager2");
        assertThat(json(admin("GET", "/_dockmock/nodes", "")).path("leader").asText()).isEqualTo("manager2");
        assertThat(nodes("manager3")).contains("manager1 Down Active Unreachable", "manager2 Ready Active Leader");
        Await.until(Duration.ofSeconds(10), () -> replicas("manager3").equals("2/2\n"), "web at 2/2 after the leader died");

        assertThat(admin("POST", "/_dockmock/nodes/leader/faults", "{\"fault\": \"down\"}").status()).isEqualTo(200);
        Result noLeader = run("manager3", "node", "ls");
        assertThat(noLeader.exitCode()).isEqualTo(1);
        assertThat(noLeader.stderr()).contains("Error response from daemon: " + Swarm.NO_LEADER);
        assertThat(json(admin("GET", "/_dockmock/nodes", "")).path("leader").isNull()).isTrue();
        assertThat(admin("POST", "/_dockmock/swarm/kill-leader", "").status()).isEqualTo(503);

        assertThat(admin("POST", "/_dockmock/nodes/manager1/faults", "{\"fault\": \"up\"}").status()).isEqualTo(200);
        assertThat(cluster.awaitLeader(Duration.ofSeconds(5)).name()).isEqualTo("manager1");
        assertThat(admin("POST", "/_dockmock/nodes/manager2/faults", "{\"fault\": \"up\"}").status()).isEqualTo(200);
        assertThat(nodes("manager3")).contains("manager1 Ready Active Leader", "manager2 Ready Active Reachable");
        Await.until(Duration.ofSeconds(10), () -> replicas("manager3").equals("2/2\n"), "web at 2/2 again");
    }

    @Test
    void drainPartitionHealAndDemoteOverTheNodesOwnListeners() throws Exception {
        DockerHost viaNode = cluster.node("manager2").hosts().get(0);   // --admin: the admin API on every node
        ok("manager1", "service", "create", "--replicas", "2", "--name", "web", "--constraint", "node.role==worker", "nginx");
        assertThat(http(viaNode, "POST", "/_dockmock/nodes/worker1/faults", "{\"fault\": \"drain\"}").status()).isEqualTo(200);
        assertThat(nodes("manager1")).contains("worker1 Ready Drain ");
        Await.until(Duration.ofSeconds(10), () -> ok2("manager1", "service", "ps", "--filter", "desired-state=running", "--format",
                "{{.CurrentState}}", "web").contains("Pending"), "web's tasks pending: no worker left");
        assertThat(http(viaNode, "POST", "/_dockmock/nodes/worker1/faults", "{\"fault\": \"active\"}").status()).isEqualTo(200);
        Await.until(Duration.ofSeconds(10), () -> replicas("manager1").equals("2/2\n"), "web running on worker1 again");

        assertThat(http(viaNode, "POST", "/_dockmock/nodes/manager3/faults", "{\"fault\": \"partition\"}").status()).isEqualTo(200);
        assertThat(run("manager3", "node", "ls").stderr()).contains(Swarm.NO_LEADER);
        assertThat(nodes("manager1")).contains("manager3 Down Active Unreachable");
        assertThat(http(viaNode, "POST", "/_dockmock/nodes/manager3/faults", "{\"fault\": \"heal\"}").status()).isEqualTo(200);
        assertThat(nodes("manager3")).contains("manager3 Ready Active Reachable");

        RawResponse demoted = http(viaNode, "POST", "/_dockmock/nodes/leader/faults", "{\"fault\": \"demote\"}");
        assertThat(demoted.status()).isEqualTo(200);
        assertThat(cluster.awaitLeader(Duration.ofSeconds(5)).name()).isNotEqualTo("manager1");
        assertThat(nodes("manager2")).contains("manager1 Ready Active ");

        RawResponse unknown = http(viaNode, "POST", "/_dockmock/nodes/worker1/faults", "{\"fault\": \"explode\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json(unknown).path("message").asText()).contains("unknown node fault \"explode\"");
        assertThat(http(viaNode, "POST", "/_dockmock/nodes/nobody/faults", "{\"fault\": \"down\"}").status()).isEqualTo(404);

        // a node taken down through its own listener still answers that call, then refuses connections
        assertThat(http(viaNode, "POST", "/_dockmock/nodes/manager2/faults", "{\"fault\": \"down\"}").status()).isEqualTo(200);
        assertThat(run("manager2", "version").stderr()).contains("Cannot connect to the Docker daemon at " + viaNode);
        assertThat(admin("POST", "/_dockmock/nodes/manager2/faults", "{\"fault\": \"up\"}").status()).isEqualTo(200);
        assertThat(ok("manager2", "info", "--format", "{{.Name}}").stdout()).isEqualTo("manager2\n");
    }

    private String ok2(String node, String... args) {
        try {
            return ok(node, args).stdout();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theJournalAndFaultRulesCoverEveryNodeAndTheJavaClientDoesTheSame() throws Exception {
        control.apply(FaultDocument.parse("faults: [{name: busy, match: {method: GET, path: /info}, times: 1,"
                + " error: {status: 500, message: busy node}}]"));
        Result faulted = run("worker1", "info", "--format", "{{.Name}}");
        assertThat(faulted.stderr()).contains("busy node");
        assertThat(ok("manager2", "info", "--format", "{{.Name}}").stdout()).isEqualTo("manager2\n");
        assertThat(control.journal().count(dev.dockmock.faults.RequestMatch.of("GET", "/info"))).isEqualTo(2);

        AdminClient client = AdminClient.of(swarm.adminHost().toString());
        assertThat(client.nodes().path("leader").asText()).isEqualTo("manager1");
        assertThat(client.nodeFault("manager2", "down").path("nodes").get(1).path("reach").asText()).isEqualTo("down");
        assertThat(client.nodeFault("manager2", "up").path("nodes").get(1).path("state").asText()).isEqualTo("ready");
        assertThat(client.electionTimeout("0s").path("leader").asText()).isEqualTo("manager1");
        assertThat(client.killLeader().path("killed").asText()).isEqualTo("manager1");
        assertThat(client.nodes().path("leader").asText()).isEqualTo("manager2");
        assertThat(client.state().path("swarm").path("leader").asText()).isEqualTo("manager2");
        assertThat(http(swarm.adminHost(), "POST", "/_dockmock/reset", "").status()).isEqualTo(501);
    }
}
