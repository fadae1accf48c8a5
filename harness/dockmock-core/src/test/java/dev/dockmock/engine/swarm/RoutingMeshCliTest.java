package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.fixtures.EngineFixtures;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.EngineServer;
import dev.dockmock.testing.PortProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The routing mesh of a lone swarm engine, driven by the docker CLI and reached by a plain socket
 * client on 127.0.0.1: a published service port answers with the task's page while tasks run,
 * follows updates, scaling and removal, refuses a port another service holds with swarmkit's
 * message, allocates from 30000-32767, sends connections to the replicas in turn, and is free
 * again after {@code swarm leave}. The steps
 * build on each other, so they run in order.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingMeshCliTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PAGE = "<h1>Welcome!</h1>";
    /** An image whose page names the container answering, as traefik/whoami's does. */
    private static final String WHOAMI = """
            images:
              - repository: example/whoami
                variants:
                  - tags: [latest]
                    cmd: [/whoami]
                    exposedPorts: [80/tcp]
                    behaviour:
                      program: /whoami
                      run: until-stopped
                      signals: {TERM: 0}
                      http: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nHostname: {{.Hostname}}\n"
            """;
    private static EngineServer server;
    @TempDir
    static Path home;
    private static DockerCli docker;
    private static int web;
    private static int moved;
    private static int dynamic;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        server = EngineServer.start(EngineFixtures.none().add(new ObjectMapper(new YAMLFactory()).readTree(WHOAMI))
                .applyTo(EngineConfig.defaults()));
        docker = server.cli(home);
        docker.ok("swarm", "init", "--advertise-addr", "127.0.0.1");
        web = PortProbe.freePort("127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void awaitPage(int port) throws InterruptedException {
        Await.until(WAIT, () -> PortProbe.getOrEmpty("127.0.0.1", port).contains(PAGE), "the page on 127.0.0.1:" + port);
    }

    private static void awaitRefused(int port) throws InterruptedException {
        Await.until(WAIT, () -> {
            try {
                return PortProbe.refused("127.0.0.1", port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "127.0.0.1:" + port + " to refuse connections");
    }

    @Test
    @Order(1)
    void aPublishedPortAnswersWithTheTasksPage() throws Exception {
        docker.ok("service", "create", "-d", "--name", "web", "--replicas", "2", "-p", web + ":80", "nginx");

        awaitPage(web);
        for (int i = 0; i < 6; i++) {
            String answer = PortProbe.get("127.0.0.1", web);
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Server: nginx/").endsWith(PAGE + "</body></html>\n");
        }
        assertThat(docker.ok("service", "inspect", "--format", "{{range .Endpoint.Ports}}{{.PublishedPort}}->{{.TargetPort}}/"
                + "{{.Protocol}} {{.PublishMode}}{{end}}", "web").stdout()).isEqualTo(web + "->80/tcp ingress\n");
        assertThat(docker.ok("service", "ls", "--format", "{{.Name}} {{.Ports}}").stdout()).contains("web *:" + web + "->80/tcp");
    }

    @Test
    @Order(2)
    void aPortAnotherServicePublishesIsRefusedWithSwarmkitsMessage() throws Exception {
        String id = docker.ok("service", "inspect", "--format", "{{.ID}}", "web").stdout().trim();

        Result ingress = docker.run("service", "create", "-d", "--name", "other", "-p", web + ":8080", "nginx");
        Result host = docker.run("service", "create", "-d", "--name", "other",
                "--publish", "mode=host,published=" + web + ",target=80", "nginx");

        String expected = "Error response from daemon: rpc error: code = InvalidArgument desc = port '" + web
                + "' is already in use by service 'web' (" + id + ") as an ingress port";
        assertThat(ingress.exitCode()).isEqualTo(1);
        assertThat(ingress.stderr()).contains(expected);
        assertThat(host.exitCode()).isEqualTo(1);
        assertThat(host.stderr()).contains(expected);
        assertThat(docker.ok("service", "ls", "--format", "{{.Name}}").stdout()).isEqualTo("web\n");
    }

    @Test
    @Order(3)
    void removingThePortClosesItAndAddingOneOpensIt() throws Exception {
        moved = PortProbe.freePort("127.0.0.1");

        docker.ok("service", "update", "-d", "--publish-rm", "80", "web");   // the CLI removes by target port
        awaitRefused(web);
        docker.ok("service", "update", "-d", "--publish-add", moved + ":80", "web");

        awaitPage(moved);
        assertThat(PortProbe.refused("127.0.0.1", web)).isTrue();
    }

    @Test
    @Order(4)
    void scalingToZeroClosesThePortAndScalingUpOpensIt() throws Exception {
        docker.ok("service", "scale", "-d", "web=0");
        awaitRefused(moved);

        docker.ok("service", "scale", "-d", "web=1");
        awaitPage(moved);
    }

    @Test
    @Order(5)
    void aPortAskedForAsZeroComesFromTheDynamicRangeAndStaysAcrossUpdates() throws Exception {
        docker.ok("service", "create", "-d", "--name", "dyn", "-p", "80", "nginx");
        String format = "{{range .Endpoint.Ports}}{{.PublishedPort}}{{end}}";
        dynamic = Integer.parseInt(docker.ok("service", "inspect", "--format", format, "dyn").stdout().trim());

        assertThat(dynamic).isBetween(30000, 32767);
        awaitPage(dynamic);
        docker.ok("service", "update", "-d", "--env-add", "COLOUR=blue", "dyn");
        assertThat(docker.ok("service", "inspect", "--format", format, "dyn").stdout().trim()).isEqualTo(String.valueOf(dynamic));
        awaitPage(dynamic);
    }

    @Test
    @Order(6)
    void removingTheServiceFreesItsPort() throws Exception {
        docker.ok("service", "rm", "web");

        Await.until(WAIT, () -> PortProbe.free("127.0.0.1", moved), "127.0.0.1:" + moved + " to be free");
        assertThat(PortProbe.getOrEmpty("127.0.0.1", dynamic)).contains(PAGE);
    }

    @Test
    @Order(7)
    void theReplicasAnswerInTurn() throws Exception {
        int port = PortProbe.freePort("127.0.0.1");
        docker.ok("service", "create", "-d", "--name", "who", "--replicas", "3", "-p", port + ":80", "example/whoami");
        Await.until(WAIT, () -> taskContainers("who").size() == 3, "three task containers");
        List<String> hostnames = taskContainers("who");   // a task container's host name is its short id
        Await.until(WAIT, () -> answers(port, 3).stream().distinct().count() == 3, "three tasks answering");

        List<String> round = answers(port, 3);
        List<String> next = answers(port, 3);

        assertThat(round).containsExactlyInAnyOrderElementsOf(hostnames);
        assertThat(next).isEqualTo(round);
        docker.ok("service", "rm", "who");
    }

    private static List<String> taskContainers(String service) {
        try {
            return docker.ok("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + service).stdout().lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The host names in the answers of {@code count} connections made one after another. */
    private static List<String> answers(int port, int count) {
        List<String> hostnames = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String answer = PortProbe.getOrEmpty("127.0.0.1", port);
            int at = answer.indexOf("Hostname: ");
            hostnames.add(at < 0 ? "" : answer.substring(at + 10).trim());
        }
        return hostnames;
    }

    @Test
    @Order(8)
    void leavingTheSwarmFreesEveryPort() throws Exception {
        docker.ok("swarm", "leave", "--force");

        assertThat(PortProbe.free("127.0.0.1", dynamic)).isTrue();
    }

    @Test
    @Order(9)
    void closingTheEngineFreesEveryPort() throws Exception {
        int port = PortProbe.freePort("127.0.0.1");
        EngineServer other = EngineServer.start(EngineConfig.defaults());
        DockerCli cli = other.cli(home.resolve("other"));
        cli.ok("swarm", "init");
        cli.ok("service", "create", "-d", "--name", "web", "-p", port + ":80", "nginx");
        awaitPage(port);

        other.close();

        assertThat(PortProbe.free("127.0.0.1", port)).isTrue();
    }
}
