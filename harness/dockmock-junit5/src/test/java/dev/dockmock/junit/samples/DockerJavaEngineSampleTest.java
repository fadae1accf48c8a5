package dev.dockmock.junit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import dev.dockmock.journal.JournalEntry;
import dev.dockmock.junit.DockMock;
import dev.dockmock.junit.DockMockTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docker-java against the fake engine, written as a user would: the declarative form, injected client. */
@Timeout(60)
@DockMockTest(images = "alpine:3.20")
class DockerJavaEngineSampleTest {

    @Test
    void runsAContainerAndReadsItsLogs(DockerClient docker, DockMock dockmock) throws Exception {
        Scenarios.Run run = Scenarios.echoInAContainer(docker, "hello from docker-java");

        assertThat(run.exitCode()).isZero();
        assertThat(run.logs()).isEqualTo("hello from docker-java\n");
        dockmock.verify(1, "POST", "/containers/{id}/start");
        assertThat(dockmock.journal().entries()).extracting(JournalEntry::userAgent).allMatch(ua -> ua.startsWith("Apache-HttpClient/"));
        assertThat(dockmock.engine().containers().all()).noneMatch(c -> c.id().equals(run.containerId()));
    }

    @Test
    void seesTheSeededImageAndFaultsSwitchedOn(DockerClient docker, DockMock dockmock) {
        assertThat(docker.listImagesCmd().exec()).anySatisfy(i -> assertThat(i.getRepoTags()).contains("alpine:3.20"));

        dockmock.faults().failNext("POST", "/containers/create", 500, "no space left on device");
        assertThatThrownBy(() -> docker.createContainerCmd("alpine:3.20").exec())
                .isInstanceOf(InternalServerErrorException.class).hasMessageContaining("no space left on device");
        assertThat(docker.createContainerCmd("alpine:3.20").exec().getId()).isNotBlank();
        dockmock.journal().verify(1, dev.dockmock.journal.RequestPattern.of("POST", "/containers/create").withStatus(500));
    }
}
