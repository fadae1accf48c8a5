package dev.dockmock.junit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A Testcontainers suite as it is written for a real Docker daemon: nothing here names dockmock.
 * The build switches DockMockClientProviderStrategy on ({@code -Ddockmock.testcontainers=true}) and
 * keeps {@code DOCKER_HOST} out of the test JVM, so Testcontainers, Ryuk included, talks to the
 * JVM-wide dockmock.
 */
@Timeout(120)
class TestcontainersSampleTest {

    @Test
    void startsAContainerAndWaitsForItsLogMessage() {
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("alpine:3.20"))
                .withCommand("sh", "-c", "echo booting; echo ready to serve; sleep 300")
                .waitingFor(Wait.forLogMessage(".*ready to serve.*", 1))) {
            container.start();
            assertThat(container.isRunning()).isTrue();
            assertThat(container.getLogs()).contains("booting", "ready to serve");
        }
    }

    @Test
    void reachesAnExposedPortAfterTheDefaultWaitStrategy() throws IOException {
        try (GenericContainer<?> nginx = new GenericContainer<>(DockerImageName.parse("nginx:1.27")).withExposedPorts(80)) {
            nginx.start();
            try (Socket socket = new Socket(nginx.getHost(), nginx.getMappedPort(80))) {
                socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("200 OK");
            }
        }
    }
}
