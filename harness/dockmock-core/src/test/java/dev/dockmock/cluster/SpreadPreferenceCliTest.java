package dev.dockmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.ShortDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker service create --placement-pref spread=node.labels.zone}: tasks spread evenly over
 * the zones first, then over the nodes of each zone. Zone a has one node and zone b three, so six
 * replicas put three on the lone zone-a node, where spreading over nodes alone would put two.
 */
@Timeout(120)
class SpreadPreferenceCliTest {
    @TempDir
    Path home;
    private final ShortDir dir = ShortDir.create();
    private SwarmCluster cluster;

    @BeforeEach
    void start() throws Exception {
        assumeThat(DockerCli.available()).as("the docker CLI is installed").isTrue();
        cluster = SwarmCluster.builder().managers(1).simulatedWorkers(3).hosts(List.of(dir.socket("m1.sock")))
                .serverOptions(ServerOptions.defaults().withLog(line -> { })).start();
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        dir.close();
    }

    @Test
    void spreadsOverTheLabelValuesBeforeTheNodes() throws Exception {
        List<String> nodes = ok("node", "ls", "--format", "{{.Hostname}}").stdout().lines().sorted().toList();
        assertThat(nodes).hasSize(4).contains("manager1");
        for (String node : nodes) {
            ok("node", "update", "--label-add", "zone=" + (node.equals("manager1") ? "a" : "b"), node);
        }

        ok("service", "create", "--detach", "--name", "spread", "--replicas", "6",
                "--placement-pref", "spread=node.labels.zone", "alpine:3.20", "sleep", "1d");
        Await.until(Duration.ofSeconds(60), () -> runningTasks("spread") == 6, "6 tasks of spread running");

        assertThat(running("spread")).as("tasks per node").containsEntry("manager1", 3L).hasSize(4)
                .allSatisfy((node, tasks) -> assertThat(tasks).isEqualTo(node.equals("manager1") ? 3L : 1L));
        assertThat(ok("service", "inspect", "--format", "{{json .Spec.TaskTemplate.Placement.Preferences}}", "spread")
                .stdout()).contains("node.labels.zone");

        ok("service", "create", "--detach", "--name", "plain", "--replicas", "8", "alpine:3.20", "sleep", "1d");
        Await.until(Duration.ofSeconds(60), () -> runningTasks("plain") == 8, "8 tasks of plain running");
        assertThat(running("plain")).as("without a preference: two per node").hasSize(4).allSatisfy((node, tasks) ->
                assertThat(tasks).isEqualTo(2L));
    }

    private long runningTasks(String service) {
        try {
            return running(service).values().stream().mapToLong(n -> n).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private Map<String, Long> running(String service) throws Exception {
        return ok("service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}} {{.CurrentState}}", service)
                .stdout().lines().filter(line -> line.contains("Running")).map(line -> line.split(" ")[0])
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private Result ok(String... args) throws Exception {
        Result result = DockerCli.withHome(home, Duration.ofSeconds(30)).host(cluster.node("manager1").dockerHost()).run(args);
        assertThat(result.exitCode()).as("docker %s\n%s", String.join(" ", args), result).isZero();
        return result;
    }
}
