package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.faults.FaultRule;
import dev.dockmock.faults.RequestMatch;
import dev.dockmock.protocol.TransportFault;
import java.io.IOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerLaunchException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers 1.21 against dockmock with nothing but {@code DOCKER_HOST} set (by the build, in
 * the process environment) and Ryuk enabled, as a user's suite runs it.
 */
@Timeout(120)
class TestcontainersTest {
    private static RunningDockMock dockmock;

    @BeforeAll
    static void start() throws IOException {
        // -Dtest=... selects classes in every surefire execution; this one belongs to the default one
        assumeTrue(System.getenv("TESTCONTAINERS_RYUK_DISABLED") == null, "runs in the default surefire execution");
        String socket = System.getProperty("dockmock.tc.socket");
        assertThat(System.getenv("DOCKER_HOST")).isEqualTo("unix://" + socket);
        assertThat(System.getenv("TESTCONTAINERS_RYUK_DISABLED")).isNull();
        dockmock = RunningDockMock.startAt(Path.of(socket));
    }

    @AfterAll
    static void stop() {
        if (dockmock != null) {
            dockmock.close();
        }
    }

    @Test
    void startsAContainerWaitingForALogMessage() {
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("alpine:3.20"))
                .withCommand("sh", "-c", "echo booting; echo ready to serve; sleep 300")
                .waitingFor(Wait.forLogMessage(".*ready to serve.*", 1))) {
            container.start();
            assertThat(container.isRunning()).isTrue();
            assertThat(container.getLogs()).contains("booting", "ready to serve");
        }
        // Testcontainers removed the container on close; the engine's events show it went through dockmock
        List<String> seen = dockmock.engine.context().events()
                .history(e -> e.type().equals("container") && e.attributes().getOrDefault("image", "").equals("alpine:3.20"))
                .stream().map(e -> e.action()).toList();
        assertThat(seen).containsSubsequence("create", "start", "destroy");
        assertThat(dockmock.engine.containers().all())
                .anySatisfy(c -> assertThat(c.spec().config().path("Image").asText()).startsWith("testcontainers/ryuk"));
    }

    @Test
    void startsAContainerWithAnExposedPortAndTheDefaultWaitStrategy() throws IOException {
        try (GenericContainer<?> nginx = new GenericContainer<>(DockerImageName.parse("nginx:1.27")).withExposedPorts(80)) {
            nginx.start();
            try (Socket socket = new Socket(nginx.getHost(), nginx.getMappedPort(80))) {
                socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("200 OK");
            }
        }
    }

    @Test
    void a500OnCreateGivesAContainerLaunchExceptionThenACleanStartSucceeds() {
        DockerClientFactory.instance().client();   // Ryuk first, so that the fault hits the test's own container
        dockmock.faults.add(FaultRule.fail(RequestMatch.of("POST", "/containers/create"), 1, 500, "injected: create failed"));
        try (GenericContainer<?> failing = new GenericContainer<>(DockerImageName.parse("alpine:3.20")).withCommand("sleep", "300")) {
            assertThatThrownBy(failing::start).isInstanceOf(ContainerLaunchException.class)
                    .hasStackTraceContaining("injected: create failed");
        }
        startsCleanly();
    }

    @Test
    void aConnectionResetOnCreateGivesAContainerLaunchExceptionThenACleanStartSucceeds() {
        DockerClientFactory.instance().client();   // Ryuk first, so that the fault hits the test's own container
        dockmock.faults.add(FaultRule.transport(RequestMatch.of("POST", "/containers/create"), 1, new TransportFault.ConnectionReset()));
        try (GenericContainer<?> failing = new GenericContainer<>(DockerImageName.parse("alpine:3.20")).withCommand("sleep", "300")) {
            assertThatThrownBy(failing::start).isInstanceOf(ContainerLaunchException.class);
        }
        startsCleanly();
    }

    /** The fault was used up; dockmock still serves the same (cached) Testcontainers client. */
    private static void startsCleanly() {
        assertThat(dockmock.faults.list()).allSatisfy(status -> assertThat(status.remaining()).isZero());
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("alpine:3.20"))
                .withCommand("sh", "-c", "echo ready; sleep 300").waitingFor(Wait.forLogMessage(".*ready.*", 1))) {
            container.start();
            assertThat(container.isRunning()).isTrue();
        }
    }
}
