package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.EngineTiming;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.EngineServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A swarm of 1,000 nodes (one engine, 999 simulated) and 10,000 tasks, with compressed timing:
 * the tasks all reach running, spread one per node and service, and the docker CLI lists the
 * thousand nodes and the services at 1000/1000.
 */
@Timeout(240)
class SimulatedSwarmScaleTest {
    private static final int SERVICES = 10;
    private static final int REPLICAS = 1000;

    @TempDir
    Path home;

    private static Result ok(DockerCli cli, String... args) throws Exception {
        Result result = cli.run(args);
        assertThat(result.exitCode()).as("docker %s\n%s", String.join(" ", args), result).isZero();
        return result;
    }

    @Test
    void aThousandNodesRunTenThousandTasksAndTheCliListsThem() throws Exception {
        assumeThat(DockerCli.available()).as("the docker CLI is installed").isTrue();
        EngineConfig config = EngineConfig.defaults().withTiming(new EngineTiming(0.001, Duration.ofMillis(1)));
        try (EngineServer dockmock = EngineServer.start(config)) {
            DockerCli cli = dockmock.cli(home);
            ok(cli, "swarm", "init");
            List<String> simulated = dockmock.engine().swarm().simulated().add(999, "sim");
            assertThat(simulated).hasSize(999).doesNotHaveDuplicates();
            // the engine's own node runs no tasks: all of them land on simulated nodes
            ok(cli, "node", "update", "--availability", "drain", dockmock.engine().swarm().nodeId());

            for (int i = 0; i < SERVICES; i++) {
                ok(cli, "service", "create", "--detach", "--name", "svc" + i, "--replicas", String.valueOf(REPLICAS), "nginx");
            }
            Await.until(Duration.ofSeconds(180), () -> converged(cli), "10 services at 1000/1000");

            List<String> nodes = ok(cli, "node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.Availability}}").stdout().lines().toList();
            assertThat(nodes).hasSize(1000).contains("sim-0001 Ready Active", "sim-0999 Ready Active");
            List<String> placed = ok(cli, "service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}} {{.CurrentState}}",
                    "svc3").stdout().lines().toList();
            assertThat(placed).hasSize(REPLICAS).allSatisfy(line -> assertThat(line).startsWith("sim-").contains("Running"));
            assertThat(placed.stream().map(line -> line.split(" ")[0]).distinct().count()).as("spread over the nodes").isEqualTo(999);
            assertThat(dockmock.engine().containers().all()).as("no task ran on the engine itself").isEmpty();
            followedTheConfiguredTiming(dockmock.engine().swarm().membership().cluster());
        }
    }

    /**
     * Every task went through swarmkit's states one step of the configured timing apart (so it
     * took at least seven steps from creation to running: the timing, not the work of the loop,
     * sets the pace), and once all run the control loop watches none of them on its ticks.
     */
    private static void followedTheConfiguredTiming(ClusterState cluster) {
        synchronized (cluster.lock()) {
            Duration step = cluster.timing().step();
            assertThat(cluster.tasks).hasSize(SERVICES * REPLICAS);
            assertThat(cluster.tasks.values()).allSatisfy(task -> {
                assertThat(task.history()).containsExactly(TaskState.NEW, TaskState.PENDING, TaskState.ASSIGNED, TaskState.ACCEPTED,
                        TaskState.PREPARING, TaskState.READY, TaskState.STARTING, TaskState.RUNNING);
                Duration toRunning = Duration.between(task.meta().createdAt(), task.status().timestamp());
                // 7 steps; a millisecond of slack per step for the wall clock's rounding against System.nanoTime
                assertThat(toRunning).isGreaterThanOrEqualTo(step.multipliedBy(7).minusMillis(7));
            });
            assertThat(cluster.orchestrator().watchedTasks()).as("tasks looked at on every idle tick").isZero();
        }
    }

    private static boolean converged(DockerCli cli) {
        try {
            List<String> replicas = ok(cli, "service", "ls", "--format", "{{.Replicas}}").stdout().lines().toList();
            return replicas.size() == SERVICES && replicas.stream().allMatch(r -> r.equals(REPLICAS + "/" + REPLICAS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
