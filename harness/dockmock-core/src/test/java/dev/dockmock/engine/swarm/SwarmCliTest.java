package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.EngineServer;
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
 * The docker CLI 28 against one fake engine in swarm mode, as a user would drive it: init, nodes,
 * a replicated service through scale, rolling update, rollback, logs and removal, secrets,
 * configs, draining the node, leaving. The steps build on each other, so they run in order.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmCliTest {
    private static EngineServer server;
    @TempDir
    static Path home;
    private static DockerCli docker;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        server = EngineServer.start(EngineConfig.defaults().withSeedImages(List.of("alpine:latest")));
        docker = server.cli(home);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void beforeInitSwarmCommandsSayThisNodeIsNotAManager() throws Exception {
        Result nodes = docker.run("node", "ls");
        assertThat(nodes.exitCode()).isEqualTo(1);
        assertThat(nodes.stderr()).contains("Error response from daemon: This node is not a swarm manager. Use \"docker swarm init\" "
                + "or \"docker swarm join\" to connect this node to swarm and try again.");
        assertThat(docker.run("swarm", "leave").stderr()).contains("This node is not part of a swarm");
        assertThat(docker.ok("info", "--format", "{{.Swarm.LocalNodeState}}").stdout()).isEqualTo("inactive\n");
    }

    @Test
    @Order(2)
    void initMakesThisEngineTheLeader() throws Exception {
        Result init = docker.ok("swarm", "init", "--advertise-addr", "127.0.0.1");
        assertThat(init.stdout()).matches("(?s)Swarm initialized: current node \\([0-9a-z]{25}\\) is now a manager\\..*"
                + "docker swarm join --token SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25} 127\\.0\\.0\\.1:2377.*");
        assertThat(docker.ok("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.Nodes}} {{.Swarm.Managers}}")
                .stdout()).isEqualTo("active true 1 1\n");
        String nodes = docker.ok("node", "ls").stdout();
        assertThat(nodes).contains("HOSTNAME").contains(" * ").contains("dockmock").contains("Ready").contains("Active")
                .contains("Leader").contains("28.2.2");
        assertThat(docker.ok("swarm", "join-token", "-q", "worker").stdout()).startsWith("SWMTKN-1-");
        assertThat(docker.run("swarm", "init").stderr()).contains("This node is already part of a swarm.");
    }

    @Test
    @Order(3)
    void serviceCreateConvergesAndListsThreeReplicas() throws Exception {
        Result create = docker.ok("service", "create", "--replicas", "3", "--name", "web", "nginx");
        assertThat(create.stdout()).contains("overall progress: 3 out of 3 tasks").contains("verify: Service")
                .contains("converged");
        assertThat(docker.ok("service", "ls", "--format", "{{.Name}} {{.Mode}} {{.Replicas}}").stdout()).isEqualTo("web replicated 3/3\n");
        String ps = docker.ok("service", "ps", "--format", "{{.Name}} {{.Node}} {{.DesiredState}} {{.CurrentState}}", "web").stdout();
        assertThat(ps.lines()).hasSize(3).allMatch(l -> l.matches("web\\.[123] dockmock Running Running .*"));
        assertThat(docker.ok("ps", "--filter", "label=com.docker.swarm.service.name=web", "--format", "{{.Names}}").stdout().lines())
                .hasSize(3).allMatch(n -> n.matches("web\\.[123]\\.[0-9a-z]{25}"));
    }

    @Test
    @Order(4)
    void scaleAddsAndRemovesReplicas() throws Exception {
        assertThat(docker.ok("service", "scale", "web=5").stdout()).contains("verify: Service web converged");
        assertThat(docker.ok("service", "ls", "--format", "{{.Replicas}}").stdout()).isEqualTo("5/5\n");
        assertThat(docker.ok("service", "scale", "web=3").stdout()).contains("verify: Service web converged");
        Await.until(Duration.ofSeconds(10), () -> runningContainers("web") == 3, "two replicas to go");
    }

    @Test
    @Order(5)
    void imageUpdateRollsOutAndRollbackRestores() throws Exception {
        Result update = docker.ok("service", "update", "--image", "nginx:1.27", "web");
        assertThat(update.stdout()).contains("overall progress: 3 out of 3 tasks").contains("verify: Service web converged");
        assertThat(docker.ok("service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}", "web").stdout())
                .startsWith("nginx:1.27@sha256:");
        // the CLI stops watching once the tasks are stable; the update is declared complete a moment later
        Await.until(Duration.ofSeconds(10), () -> inspect("{{.UpdateStatus.State}} {{.UpdateStatus.Message}}")
                .equals("completed update completed\n"), "the update to complete");
        String ps = docker.ok("service", "ps", "web").stdout();
        assertThat(ps).containsPattern("web\\.1 +nginx:1\\.27 +dockmock +Running +Running ")
                .containsPattern("\\\\_ web\\.1 +nginx:latest +dockmock +Shutdown +Shutdown ");
        Result rollback = docker.ok("service", "rollback", "web");
        assertThat(rollback.stdout()).contains("rollback: manually requested rollback").contains("verify: Service web converged");
        assertThat(docker.ok("service", "inspect", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}", "web").stdout())
                .startsWith("nginx:latest@sha256:");
    }

    @Test
    @Order(6)
    void logsCarryEachTasksName() throws Exception {
        String logs = docker.ok("service", "logs", "web").stdout();
        assertThat(logs.lines()).isNotEmpty().allMatch(l -> l.matches("web\\.[123]\\.[0-9a-z]{12}@dockmock +\\| .*"));
    }

    @Test
    @Order(7)
    void secretsAndConfigs() throws Exception {
        String id = docker.stdin("s3cr3t").run("secret", "create", "db_password", "-").stdout().trim();
        assertThat(id).matches("[0-9a-z]{25}");
        assertThat(docker.ok("secret", "ls", "--format", "{{.Name}}").stdout()).isEqualTo("db_password\n");
        assertThat(docker.ok("secret", "inspect", "db_password").stdout()).doesNotContain("Data").doesNotContain("czNjcjN0");
        assertThat(docker.ok("secret", "rm", "db_password").stdout()).isEqualTo("db_password\n");
        assertThat(docker.stdin("port: 80").run("config", "create", "app.yaml", "-").exitCode()).isZero();
        assertThat(docker.ok("config", "ls", "--format", "{{.Name}}").stdout()).isEqualTo("app.yaml\n");
        assertThat(docker.ok("config", "inspect", "--pretty", "app.yaml").stdout()).contains("port: 80");
        docker.ok("config", "rm", "app.yaml");
        assertThat(docker.ok("config", "ls", "-q").stdout()).isEmpty();
    }

    @Test
    @Order(8)
    void drainingTheOnlyNodeLeavesTasksPending() throws Exception {
        docker.ok("node", "update", "--availability", "drain", "dockmock");
        assertThat(docker.ok("node", "ls", "--format", "{{.Availability}}").stdout()).isEqualTo("Drain\n");
        Await.until(Duration.ofSeconds(10), () -> runningContainers("web") == 0, "the drained node's tasks to stop");
        Await.until(Duration.ofSeconds(10), () -> pendingTasks().lines().filter(l -> l.startsWith("Pending ")
                && l.endsWith("|\"no suitable node (1 node not available for new tasks)\"")).count() == 3,
                "three tasks pending for want of a node");
        assertThat(docker.ok("service", "ls", "--format", "{{.Replicas}}").stdout()).isEqualTo("0/3\n");
        docker.ok("node", "update", "--availability", "active", "dockmock");
        Await.until(Duration.ofSeconds(10), () -> runningContainers("web") == 3, "the tasks to run again");
    }

    @Test
    @Order(9)
    void serviceRemoveTakesItsContainers() throws Exception {
        assertThat(docker.ok("service", "rm", "web").stdout()).isEqualTo("web\n");
        assertThat(docker.ok("service", "ls", "-q").stdout()).isEmpty();
        Await.until(Duration.ofSeconds(10), () -> allContainers("web") == 0, "the service's containers to go");
    }

    @Test
    @Order(10)
    void leavingNeedsForceOnAManager() throws Exception {
        Result refused = docker.run("swarm", "leave");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("You are attempting to leave the swarm on a node that is participating as a manager.");
        assertThat(docker.ok("swarm", "leave", "--force").stdout()).isEqualTo("Node left the swarm.\n");
        assertThat(docker.ok("info", "--format", "{{.Swarm.LocalNodeState}}").stdout()).isEqualTo("inactive\n");
        assertThat(docker.run("service", "ls").stderr()).contains("This node is not a swarm manager.");
    }

    private static String pendingTasks() {
        try {
            return docker.ok("service", "ps", "--no-trunc", "--filter", "desired-state=running", "--format", "{{.CurrentState}}|{{.Error}}",
                    "web").stdout();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String inspect(String format) {
        try {
            return docker.ok("service", "inspect", "--format", format, "web").stdout();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int runningContainers(String service) {
        return count("ps", service);
    }

    private static int allContainers(String service) {
        return count("ps -a", service);
    }

    private static int count(String ps, String service) {
        try {
            List<String> args = new java.util.ArrayList<>(List.of(ps.split(" ")));
            args.addAll(List.of("-q", "--filter", "label=com.docker.swarm.service.name=" + service));
            return (int) docker.run(args.toArray(String[]::new)).stdout().lines().count();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
