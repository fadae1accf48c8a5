package dev.dockmock.junit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.journal.RequestPattern;
import dev.dockmock.junit.DockMock;
import dev.dockmock.junit.DockMockLifecycle;
import dev.dockmock.junit.DockMockTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The same JVM-wide server, injected: a Testcontainers test that also checks what Testcontainers
 * asked of the daemon, and that Ryuk runs.
 */
@Timeout(120)
@DockMockTest(lifecycle = DockMockLifecycle.JVM)
class TestcontainersJournalSampleTest {

    @Test
    void testcontainersTalksToTheJvmWideDockMock(DockMock dockmock) {
        long before = dockmock.journal().count(RequestPattern.of("POST", "/containers/{id}/start"));
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("alpine:3.20"))
                .withCommand("sh", "-c", "echo up; sleep 300").waitingFor(Wait.forLogMessage("up\\n", 1))) {
            container.start();
            assertThat(dockmock.engine().containers().all())
                    .anySatisfy(c -> assertThat(c.id()).isEqualTo(container.getContainerId()))
                    .anySatisfy(c -> assertThat(c.spec().config().path("Image").asText()).startsWith("testcontainers/ryuk"));
        }
        assertThat(dockmock.journal().count(RequestPattern.of("POST", "/containers/{id}/start"))).isGreaterThan((int) before);
        assertThat(DockerClientFactory.instance().getTransportConfig().getDockerHost().toString()).isEqualTo(dockmock.unixHost());
        assertThat(DockerClientFactory.instance().isUsing(dev.dockmock.junit.testcontainers.DockMockClientProviderStrategy.class)).isTrue();
    }
}
