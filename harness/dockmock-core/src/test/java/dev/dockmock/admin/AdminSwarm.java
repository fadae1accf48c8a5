package dev.dockmock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.ShortDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * A {@link SwarmCluster} behind a {@link DockMockControl}, wired as {@code dockmock serve --swarm
 * --admin} wires them (the admin API on every node's listeners and on an admin listener of its
 * own), with the docker CLI and the raw HTTP calls the node-fault admin tests make against it.
 */
final class AdminSwarm implements AutoCloseable {
    private final ShortDir dir = ShortDir.create();
    private final Path home;
    private DockMockControl control;
    private SwarmCluster cluster;
    private DockMockServer admin;

    private AdminSwarm(Path home) {
        this.home = home;
    }

    /**
     * Starts the cluster {@code shape} describes (its hosts may be sockets in the given directory),
     * with the control plane's engine configuration and servers that log nothing.
     *
     * @param home the docker CLI's home
     */
    static AdminSwarm start(Path home, Function<ShortDir, SwarmCluster.Builder> shape) throws IOException {
        AdminSwarm swarm = new AdminSwarm(home);
        try {
            swarm.control = DockMockControl.builder().adminOnListeners(true).build();
            swarm.cluster = shape.apply(swarm.dir).engineConfig(swarm.control.engineConfig()).serverOptions(quiet()).start();
            swarm.control.attach(swarm.cluster);
            swarm.admin = DockMockServer.builder().host(swarm.dir.socket("admin.sock")).options(quiet())
                    .dispatcher(swarm.control.adminDispatcher()).build().start();
            return swarm;
        } catch (IOException | RuntimeException e) {
            swarm.close();
            throw e;
        }
    }

    private static ServerOptions quiet() {
        return ServerOptions.defaults().withLog(line -> { });
    }

    SwarmCluster cluster() {
        return cluster;
    }

    DockMockControl control() {
        return control;
    }

    /** The admin listener. */
    DockerHost adminHost() {
        return admin.boundHosts().get(0);
    }

    /** The docker CLI against node {@code node}. */
    Result run(String node, String... args) throws Exception {
        return DockerCli.withHome(home, Duration.ofSeconds(30)).host(cluster.node(node).dockerHost()).run(args);
    }

    /** The docker CLI against node {@code node}, which must succeed. */
    Result ok(String node, String... args) throws Exception {
        Result result = run(node, args);
        assertThat(result.exitCode()).as("docker %s on %s\n%s", String.join(" ", args), node, result).isZero();
        return result;
    }

    /** An admin call over HTTP on {@code host}, as curl would make it. */
    static RawResponse http(DockerHost host, String method, String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (RawHttpClient client = RawHttpClient.connect(host)) {
            return client.exchange(RawHttpClient.request(method, path, "Content-Type: application/json",
                    "Content-Length: " + bytes.length) + body);
        }
    }

    /** An admin call over HTTP on the admin listener. */
    RawResponse admin(String method, String path, String body) throws Exception {
        return http(adminHost(), method, path, body);
    }

    /** {@code POST /_dockmock/nodes/{node}/faults} with {@code {"fault": fault}} on the admin listener. */
    RawResponse nodeFault(String node, String fault) throws Exception {
        return admin("POST", "/_dockmock/nodes/" + node + "/faults", "{\"fault\": \"" + fault + "\"}");
    }

    /** Stops the admin listener, the cluster and the control plane, and removes the socket directory. */
    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (control != null) {
            control.close();
        }
        dir.close();
    }
}
