package dev.dockmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.PortProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing mesh of a swarm of a manager (127.0.0.1) and a worker (127.0.0.2), driven by the
 * docker CLI and reached by a plain socket client: an ingress port answers on both nodes though
 * only the worker runs the task, a host-mode port only on the worker; the worker's ports close
 * while it is down and when it leaves, and closing the cluster frees every port.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingMeshClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PAGE = "<h1>Welcome!</h1>";
    private static final String MANAGER = "127.0.0.1";
    private static final String WORKER = "127.0.0.2";
    @TempDir
    static Path home;
    private static SwarmCluster cluster;
    private static int ingress;
    private static int host;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        cluster = SwarmCluster.builder().managers(1).workers(1).engineConfig(EngineConfig.defaults())
                .serverOptions(ServerOptions.defaults().withLog(line -> { })).start();
        ingress = PortProbe.freePort(MANAGER, WORKER);
        host = PortProbe.freePort(MANAGER, WORKER);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Result ok(String node, String... args) throws Exception {
        Result result = DockerCli.withHome(home, Duration.ofSeconds(30)).host(cluster.node(node).dockerHost()).run(args);
        assertThat(result.exitCode()).as("docker %s on %s\n%s", String.join(" ", args), node, result).isZero();
        return result;
    }

    private static void awaitPage(String address, int port) throws InterruptedException {
        Await.until(WAIT, () -> PortProbe.getOrEmpty(address, port).contains(PAGE), "the page on " + address + ":" + port);
    }

    private static void awaitRefused(String address, int port) throws InterruptedException {
        Await.until(WAIT, () -> {
            try {
                return PortProbe.refused(address, port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, address + ":" + port + " to refuse connections");
    }

    @Test
    @Order(1)
    void anIngressPortAnswersOnEveryNode() throws Exception {
        ok("manager1", "service", "create", "-d", "--name", "web", "--constraint", "node.hostname==worker1",
                "-p", ingress + ":80", "nginx");

        awaitPage(WORKER, ingress);
        awaitPage(MANAGER, ingress);
        assertThat(ok("manager1", "service", "ps", "--format", "{{.Node}}", "web").stdout()).isEqualTo("worker1\n");
    }

    @Test
    @Order(2)
    void aHostPortAnswersOnlyWhereATaskRuns() throws Exception {
        ok("manager1", "service", "create", "-d", "--name", "edge", "--constraint", "node.hostname==worker1",
                "--publish", "mode=host,published=" + host + ",target=80", "nginx");

        awaitPage(WORKER, host);
        assertThat(PortProbe.refused(MANAGER, host)).isTrue();
        assertThat(ok("manager1", "service", "inspect", "--format", "{{range .Endpoint.Ports}}{{.PublishMode}}{{end}}", "edge")
                .stdout()).isEqualTo("host\n");
    }

    @Test
    @Order(3)
    void aNodeThatIsDownClosesItsPortsAndOpensThemWhenItIsBack() throws Exception {
        ClusterNode worker = cluster.node("worker1");

        cluster.down(worker);

        awaitRefused(WORKER, ingress);
        awaitRefused(WORKER, host);
        awaitRefused(MANAGER, ingress);   // the only node the task may run on is down: no task runs
        cluster.up(worker);
        awaitPage(WORKER, host);
        awaitPage(WORKER, ingress);
        awaitPage(MANAGER, ingress);
    }

    @Test
    @Order(4)
    void aNodeThatLeavesFreesItsPorts() throws Exception {
        ok("worker1", "swarm", "leave");

        Await.until(WAIT, () -> PortProbe.free(WORKER, ingress) && PortProbe.free(WORKER, host), "the worker's ports to be free");
        awaitRefused(MANAGER, ingress);
    }

    @Test
    @Order(5)
    void closingTheClusterFreesEveryPort() throws Exception {
        ok("manager1", "service", "update", "-d", "--constraint-rm", "node.hostname==worker1", "web");
        awaitPage(MANAGER, ingress);

        cluster.close();
        cluster = null;

        assertThat(PortProbe.free(MANAGER, ingress)).isTrue();
        assertThat(PortProbe.free(WORKER, ingress)).isTrue();
        assertThat(PortProbe.free(WORKER, host)).isTrue();
    }
}
