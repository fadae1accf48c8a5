package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.testing.DockerCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockmock serve --swarm}: its command line, and a real swarm of three nodes driven by the docker CLI. */
@Timeout(120)
class SwarmServeTest {
    @TempDir
    Path home;

    private static int exitCode(String... args) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.run(args, quiet, quiet);
    }

    @Test
    void theSwarmShapeIsChecked() {
        assertThat(SwarmShape.parse("managers=3,workers=2")).isEqualTo(new SwarmShape(3, 2));
        assertThat(SwarmShape.parse("workers=4")).isEqualTo(new SwarmShape(1, 4));
        assertThat(SwarmShape.parse("managers=1,simulated=1000")).isEqualTo(new SwarmShape(1, 0, 1000));
        assertThat(exitCode("serve", "--swarm", "managers=1000")).isEqualTo(2);
        assertThat(exitCode("serve", "--swarm", "managers=0")).isEqualTo(2);
        assertThat(exitCode("serve", "--swarm", "dancers=2")).isEqualTo(2);
        assertThat(exitCode("serve", "--swarm=managers=x")).isEqualTo(2);
        assertThat(exitCode("serve", "--swarm", "managers=1", "-H", ":0", "-H", ":0")).isEqualTo(2);
        assertThat(ServeOptions.HELP).contains("--swarm managers=M,workers=W");
    }

    @Test
    void servesASwarmOfNodesEachOnItsOwnHost() throws Exception {
        assumeTrue(DockerCli.available(), "docker CLI not installed");
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dmw");
        dir.toFile().deleteOnExit();
        Path socket = dir.resolve("m1.sock");
        Process serve = ChildDockmock.command("serve", "--no-fixtures", "--swarm", "managers=2,workers=1", "-H", "unix://" + socket).start();
        try {
            String output = String.join("\n", ChildDockmock.readUntil(serve, "Press Ctrl-C"));
            assertThat(output).contains("dockmock swarm: 2 managers, 1 worker", "export DOCKER_HOST=unix://" + socket);
            Matcher worker = Pattern.compile("worker1 +worker +(tcp://127\\.0\\.0\\.1:\\d+)").matcher(output);
            assertThat(worker.find()).as(output).isTrue();
            assertThat(output).containsPattern("manager1 +leader +unix://").containsPattern("manager2 +manager +tcp://127\\.0\\.0\\.1:");

            DockerCli leader = DockerCli.withHome(home, Duration.ofSeconds(30)).host("unix://" + socket);
            DockerCli.Result nodes = leader.run("node", "ls", "--format", "{{.Hostname}} {{.ManagerStatus}}");
            assertThat(nodes.stdout().lines()).as(nodes.toString())
                    .containsExactlyInAnyOrder("manager1 Leader", "manager2 Reachable", "worker1 ");
            DockerCli.Result refused = DockerCli.withHome(home, Duration.ofSeconds(30)).host(worker.group(1)).run("service", "ls");
            assertThat(refused.stderr()).contains("Worker nodes can't be used to view or modify cluster state");
        } finally {
            serve.toHandle().destroy();
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serve.exitValue()).isZero();
        assertThat(Files.exists(socket)).as("the socket file is removed").isFalse();
    }

    @Test
    void theAdminApiTakesANodeDownAndTheFaultFilesApplyToEveryNode() throws Exception {
        assumeTrue(DockerCli.available(), "docker CLI not installed");
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dmw");
        Path socket = dir.resolve("m1.sock");
        Path workerSocket = dir.resolve("w1.sock");
        Path faults = dir.resolve("faults.yaml");
        Files.writeString(faults, "faults: [{match: {method: GET, path: /version}, times: 1, error: {status: 500, message: flaky version}}]");
        Process serve = ChildDockmock.command("serve", "--no-fixtures", "--swarm", "managers=1,workers=1,simulated=50", "--admin", "--faults",
                faults.toString(), "-H", "unix://" + socket, "-H", "unix://" + workerSocket).start();
        try {
            String output = String.join("\n", ChildDockmock.readUntil(serve, "Press Ctrl-C"));
            assertThat(output).contains("Admin API on every node's listeners", "Faults applied: 1 request rules");
            DockerCli cli = DockerCli.withHome(home, Duration.ofSeconds(30)).host("unix://" + socket);
            assertThat(cli.run("version").stderr()).contains("flaky version");

            dev.dockmock.admin.AdminClient admin = dev.dockmock.admin.AdminClient.of("unix://" + socket);
            assertThat(admin.nodeFault("worker1", "down").path("nodes").get(1).path("reach").asText()).isEqualTo("down");
            assertThat(cli.run("node", "ls", "--format", "{{.Hostname}} {{.Status}}").stdout()).contains("worker1 Down");
            assertThat(DockerCli.withHome(home, Duration.ofSeconds(30)).host("unix://" + workerSocket).run("info").stderr())
                    .contains("Cannot connect to the Docker daemon");
            admin.nodeFault("worker1", "up");
            assertThat(cli.run("node", "ls", "--format", "{{.Hostname}} {{.Status}}").stdout()).contains("worker1 Ready");
            assertThat(admin.count("{path: /nodes}")).isEqualTo(2);
            assertThat(cli.run("node", "ls", "-q").stdout().lines().count()).as("2 engines and 50 simulated nodes").isEqualTo(52);
        } finally {
            serve.toHandle().destroy();
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
            Files.deleteIfExists(faults);
            Files.deleteIfExists(dir);
        }
    }
}
