package dev.dockmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class driving the docker CLI against one {@link SwarmCluster} of two managers and two
 * workers, started before its first test and closed after its last; skipped where the CLI is not
 * installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterCliTest {
    private static final String NAME_AND_SCOPE = "{{.Name}} {{.Driver}} {{.Scope}}";
    @TempDir
    Path home;
    /** The swarm under test: manager1 leads, manager2, worker1 and worker2 follow. */
    protected SwarmCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        cluster = SwarmCluster.builder().managers(2).workers(2).engineConfig(EngineConfig.defaults())
                .serverOptions(ServerOptions.defaults().withLog(line -> { })).start();
    }

    @AfterAll
    void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The docker CLI with {@code args} against {@code node}. */
    protected Result run(String node, String... args) throws Exception {
        return DockerCli.withHome(home, Duration.ofSeconds(30)).host(cluster.node(node).dockerHost()).run(args);
    }

    /** As {@link #run}, which must exit 0. */
    protected Result ok(String node, String... args) throws Exception {
        Result result = run(node, args);
        assertThat(result.exitCode()).as("docker %s on %s\n%s", String.join(" ", args), node, result).isZero();
        return result;
    }

    /** {@code network ls} on {@code node} for exactly {@code name}: "name driver scope", or nothing. */
    protected String networks(String node, String name) throws Exception {
        return ok(node, "network", "ls", "--filter", "name=^" + name + "$", "--format", NAME_AND_SCOPE).stdout();
    }
}
