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
 * Job services (replicated-job, global-job) through the docker CLI 28: the CLI's job progress,
 * {@code service ls}'s completions, {@code service ps} and {@code logs}, a new execution per
 * update or scale, and failing tasks restarted up to their restart policy. The steps build on
 * each other, so they run in order.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobServiceCliTest {
    private static EngineServer server;
    @TempDir
    static Path home;
    private static DockerCli docker;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        server = EngineServer.start(EngineConfig.defaults().withSeedImages(List.of("alpine:latest")));
        docker = server.cli(home);
        docker.ok("swarm", "init", "--advertise-addr", "127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String ls(String name) throws Exception {
        return docker.ok("service", "ls", "--filter", "name=" + name, "--format", "{{.Name}} {{.Mode}} {{.Replicas}}").stdout();
    }

    private static long hiLines() throws Exception {
        return docker.ok("service", "logs", "j").stdout().lines().filter(l -> l.matches("j\\.[0-9a-z]+\\.[0-9a-z]{12}@dockmock +\\| hi")).count();
    }

    @Test
    @Order(1)
    void replicatedJobShowsItsProgressUntilComplete() throws Exception {
        // each task runs a real 0.4 s, so the CLI's polls see two at work even on a loaded machine
        // (with a bare echo the whole job could end before the first poll)
        Result create = docker.ok("service", "create", "--name", "j", "--mode", "replicated-job", "--replicas", "3", "--max-concurrent", "2",
                "alpine", "sh", "-c", "sleep 0.4; echo hi");
        // without a terminal the CLI leaves out its bars (the "job progress" line and one per task) and prints the rest
        assertThat(create.stdout()).contains("active tasks: 2 out of 2 tasks").contains("active tasks: 0 out of 0 tasks")
                .endsWith("job complete\n").doesNotContain("verify: Service");
        // swarmkit counts a replicated job's MaxConcurrent as its desired tasks
        assertThat(ls("j")).isEqualTo("j replicated job 0/2 (3/3 completed)\n");
        assertThat(docker.ok("service", "ls", "--filter", "mode=replicated-job", "--format", "{{.Name}}").stdout()).isEqualTo("j\n");
        assertThat(docker.ok("service", "inspect", "--format", "{{.Spec.Mode.ReplicatedJob.MaxConcurrent}} "
                + "{{.Spec.Mode.ReplicatedJob.TotalCompletions}} {{.JobStatus.JobIteration.Index}}", "j").stdout()).isEqualTo("2 3 0\n");
    }

    @Test
    @Order(2)
    void itsTasksAreCompleteAndTheirOutputIsInTheLogs() throws Exception {
        String ps = docker.ok("service", "ps", "--format", "{{.Name}}|{{.Node}}|{{.DesiredState}}|{{.CurrentState}}", "j").stdout();
        // slots 0..2 as swarmkit numbers a job's tasks; the CLI names slot 0 after its node, as it does for dockerd
        assertThat(ps.lines()).hasSize(3).allMatch(l -> l.matches("j\\.(1|2|[0-9a-z]{25})\\|dockmock\\|Complete\\|Complete .*"));
        assertThat(hiLines()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void scaleAndForcedUpdateRunTheJobAgain() throws Exception {
        Result scale = docker.ok("service", "scale", "j=4");
        assertThat(scale.stdout()).startsWith("j scaled to 4\n").contains("4/4: ").endsWith("job complete\n");
        assertThat(ls("j")).isEqualTo("j replicated job 0/2 (4/4 completed)\n");
        Result update = docker.ok("service", "update", "--force", "j");
        assertThat(update.stdout()).contains("1/4: ").endsWith("job complete\n");
        assertThat(docker.ok("service", "inspect", "--format", "{{.JobStatus.JobIteration.Index}}", "j").stdout()).isEqualTo("2\n");
        assertThat(ls("j")).isEqualTo("j replicated job 0/2 (4/4 completed)\n");
        assertThat(hiLines()).isEqualTo(3 + 4 + 4);
    }

    @Test
    @Order(4)
    void globalJobRunsOnceOnEveryNode() throws Exception {
        Result create = docker.ok("service", "create", "--name", "g", "--mode", "global-job", "alpine", "true");
        assertThat(create.stdout()).endsWith("job complete\n");
        assertThat(ls("g")).isEqualTo("g global job 0/0 (1/1 completed)\n");
        assertThat(docker.ok("service", "ps", "--format", "{{.Node}} {{.DesiredState}} {{.CurrentState}}", "g").stdout())
                .matches("dockmock Complete Complete .*\n");
        Result scale = docker.run("service", "scale", "g=2");
        assertThat(scale.exitCode()).isEqualTo(1);
        assertThat(scale.stderr()).contains("scale can only be used with replicated or replicated-job mode");
    }

    @Test
    @Order(5)
    void failingTasksAreRestartedUpToTheirPolicy() throws Exception {
        Result create = docker.ok("service", "create", "--detach", "--name", "f", "--mode", "replicated-job", "--restart-max-attempts", "1",
                "--restart-delay", "100ms", "alpine", "false");
        assertThat(create.stdout()).matches("[0-9a-z]{25}\n");
        Await.until(Duration.ofSeconds(20), () -> failedTasks("f") == 2, "two failed tasks");
        String ps = docker.ok("service", "ps", "--no-trunc", "--format", "{{.DesiredState}}|{{.CurrentState}}|{{.Error}}", "f").stdout();
        assertThat(ps.lines()).hasSize(2).allMatch(l -> l.matches("Shutdown\\|Failed .*\\|\"task: non-zero exit \\(1\\)\""));
        assertThat(ls("f")).isEqualTo("f replicated job 0/1 (0/1 completed)\n");
        // a job that runs to completion takes several passes of the control loop: by then f's would have been restarted again
        docker.ok("service", "create", "--name", "after", "--mode", "replicated-job", "alpine", "true");
        assertThat(docker.ok("service", "ps", "--format", "{{.CurrentState}}", "f").stdout().lines()).hasSize(2).allMatch(l -> l.startsWith("Failed"));
    }

    private static long failedTasks(String service) {
        try {
            return docker.ok("service", "ps", "--format", "{{.CurrentState}}", service).stdout().lines().filter(l -> l.startsWith("Failed")).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
