package dev.dockmock.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.protocol.Json;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.RawResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API's node faults on simulated workers: one taken down shows {@code Down} in
 * {@code docker node ls} and its tasks run elsewhere; brought up it is {@code Ready} again; faults
 * a simulated node cannot have are refused Docker-style.
 */
@Timeout(120)
class SimulatedNodeFaultsAdminTest {
    @TempDir
    Path home;
    private AdminSwarm swarm;

    @BeforeEach
    void start() throws Exception {
        assumeThat(DockerCli.available()).as("the docker CLI is installed").isTrue();
        swarm = AdminSwarm.start(home, dir -> SwarmCluster.builder().managers(1).simulatedWorkers(3)
                .hosts(List.of(dir.socket("m1.sock"))));
    }

    @AfterEach
    void stop() {
        if (swarm != null) {
            swarm.close();
        }
    }

    private Result ok(String... args) throws Exception {
        return swarm.ok("manager1", args);
    }

    private List<String> running() throws Exception {
        return ok("service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}} {{.CurrentState}}", "web")
                .stdout().lines().toList();
    }

    private boolean allRunningOff(String node) {
        try {
            List<String> tasks = running();
            return tasks.size() == 6 && tasks.stream().allMatch(t -> t.contains("Running") && !t.startsWith(node + " "));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RawResponse fault(String node, String fault) throws Exception {
        return swarm.nodeFault(node, fault);
    }

    @Test
    void aSimulatedNodeGoesDownItsTasksMoveAndItComesBackUp() throws Exception {
        ok("node", "update", "--availability", "drain", "manager1");
        ok("service", "create", "--detach", "--name", "web", "--replicas", "6", "nginx");
        Await.until(Duration.ofSeconds(30), () -> allRunningOff("manager1"), "6 tasks running on the simulated nodes");
        assertThat(running()).anyMatch(t -> t.startsWith("sim-0001 "));

        RawResponse down = fault("sim-0001", "down");
        assertThat(down.status()).as(new String(down.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode simulated = Json.parse(down.body()).path("simulated");
        assertThat(simulated.path("name").asText()).isEqualTo("sim-0001");
        assertThat(simulated.path("state").asText()).isEqualTo("down");
        assertThat(ok("node", "ls", "--format", "{{.Hostname}} {{.Status}}").stdout().lines()).contains("sim-0001 Down", "sim-0002 Ready");
        Await.until(Duration.ofSeconds(30), () -> allRunningOff("sim-0001"), "the 6 tasks running without sim-0001");

        RawResponse up = fault(simulated.path("id").asText(), "up");
        assertThat(up.status()).as(new String(up.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(Json.parse(up.body()).path("simulated").path("state").asText()).isEqualTo("ready");
        assertThat(ok("node", "ls", "--format", "{{.Hostname}} {{.Status}}").stdout().lines()).contains("sim-0001 Ready");

        RawResponse drained = fault("sim-0002", "drain");
        assertThat(drained.status()).as(new String(drained.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(ok("node", "ls", "--format", "{{.Hostname}} {{.Availability}}").stdout().lines()).contains("sim-0002 Drain");
    }

    @Test
    void faultsASimulatedNodeCannotHaveAreRefused() throws Exception {
        RawResponse partition = fault("sim-0003", "partition");
        assertThat(partition.status()).isEqualTo(400);
        assertThat(Json.parse(partition.body()).path("message").asText()).contains("a simulated node cannot be given the fault \"partition\"");
        RawResponse unknown = fault("sim-0003", "explode");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fault("sim-0999", "down").status()).isEqualTo(404);
    }
}
