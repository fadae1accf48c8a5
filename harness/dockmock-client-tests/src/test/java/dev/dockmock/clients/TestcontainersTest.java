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
import java.time.Duration;
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

    private static void failsToStart(TransportFault fault) {
        DockerClientFactory.instance().client();   // Ryuk first, so that the fault hits the test's own container
        dockmock.faults.add(FaultRule.transport(RequestMatch.of("POST", "/containers/create"), 1, fault));
        try (GenericContainer<?> failing = new GenericContainer<>(DockerImageName.parse("alpine:3.20")).withCommand("sleep", "300")) {
            assertThatThrownBy(failing::start).isInstanceOf(ContainerLaunchException.class);
        }
    }

    @Test
    void anEmptyResponseOnCreateGivesAContainerLaunchExceptionThenACleanStartSucceeds() {
        failsToStart(new TransportFault.EmptyResponse());
        startsCleanly();
    }

    @Test
    void aMalformedChunkOnCreateGivesAContainerLaunchExceptionThenACleanStartSucceeds() {
        failsToStart(new TransportFault.MalformedChunk());
        startsCleanly();
    }

    @Test
    void randomDataOnCreateGivesAContainerLaunchExceptionThenACleanStartSucceeds() {
        failsToStart(new TransportFault.RandomDataThenClose(512));
        startsCleanly();
    }

    /** The wait strategy's startup timeout is the client timeout here: the log stream it follows never answers. */
    @Test
    void aStalledLogStreamTimesTheWaitStrategyOutThenACleanStartSucceeds() {
        DockerClientFactory.instance().client();
        dockmock.faults.add(FaultRule.transport(RequestMatch.of("GET", "/containers/{id}/logs"), 1, new TransportFault.Stall()));
        try (GenericContainer<?> stalled = new GenericContainer<>(DockerImageName.parse("alpine:3.20"))
                .withCommand("sh", "-c", "echo ready; sleep 300")
                .waitingFor(Wait.forLogMessage(".*ready.*", 1).withStartupTimeout(Duration.ofSeconds(2)))) {
            assertThatThrownBy(stalled::start).isInstanceOf(ContainerLaunchException.class)
                    .hasStackTraceContaining("Timed out waiting for log output");
        }
        startsCleanly();
    }

    @Test
    void fixedAndLognormalDelaysOnCreateOnlySlowTheStartDown() {
        DockerClientFactory.instance().client();
        dockmock.faults.add(FaultRule.transport(RequestMatch.of("POST", "/containers/create"), 1,
                new TransportFault.FixedDelay(Duration.ofMillis(300))));
        dockmock.faults.add(FaultRule.transport(RequestMatch.of("POST", "/containers/{id}/start"), 1,
                new TransportFault.LognormalDelay(Duration.ofMillis(100), 0.5)));
        try (GenericContainer<?> late = new GenericContainer<>(DockerImageName.parse("alpine:3.20"))
                .withCommand("sh", "-c", "echo late but fine; sleep 300").waitingFor(Wait.forLogMessage(".*late but fine.*", 1))) {
            late.start();
            assertThat(late.isRunning()).isTrue();
        }
        startsCleanly();   // both delays were used by the start above
    }

    @Test
    void dribbledAnswersAreReadWhole() {
        DockerClientFactory.instance().client();
        dockmock.faults.add(FaultRule.transport(RequestMatch.of("GET", "/containers/{id}/json"), 2,
                new TransportFault.Dribble(7, Duration.ofMillis(1))));
        dockmock.faults.add(FaultRule.transport(RequestMatch.of("GET", "/containers/{id}/logs"), 1,
                new TransportFault.Dribble(5, Duration.ofMillis(1))));
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("alpine:3.20"))
                .withCommand("sh", "-c", "echo dribbled but whole; sleep 300")
                .waitingFor(Wait.forLogMessage(".*dribbled but whole.*", 1))) {
            container.start();
            assertThat(container.getContainerInfo().getConfig().getCmd()).contains("echo dribbled but whole; sleep 300");
        }
        startsCleanly();
    }

    /** The log stream the wait strategy follows is cut before the line it waits for: the start fails, not hangs. */
    @Test
    void aLogStreamCutMidwayFailsTheWaitStrategyThenACleanStartSucceeds() {
        DockerClientFactory.instance().client();
        dockmock.faults.add(FaultRule.transport(RequestMatch.of("GET", "/containers/{id}/logs"), 1,
                new TransportFault.CloseMidStream(Long.MAX_VALUE, Duration.ofMillis(200))));
        try (GenericContainer<?> cut = new GenericContainer<>(DockerImageName.parse("alpine:3.20"))
                .withCommand("sh", "-c", "echo booting; sleep 1; echo ready; sleep 300")
                .waitingFor(Wait.forLogMessage(".*ready.*", 1).withStartupTimeout(Duration.ofSeconds(3)))) {
            assertThatThrownBy(cut::start).isInstanceOf(ContainerLaunchException.class);
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
        assertThat(DockerClientFactory.instance().client().infoCmd().exec().getOsType()).isEqualTo("linux");
    }
}
