package dev.dockmock.wiremock.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.dockmock.junit.DockMock;
import dev.dockmock.junit.DockMockTest;
import dev.dockmock.junit.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mode STUBS as a user writes it: the WireMock mapping in
 * {@code src/test/resources/stubs/StubsModeSampleTest/mappings} answers {@code GET /containers/json}
 * with a canned list; everything else falls through to the engine.
 */
@Timeout(60)
@DockMockTest(mode = Mode.STUBS, images = "alpine:3.20")
class StubsModeSampleTest {

    @Test
    void aMappingAnswersTheContainerList(DockerClient docker, DockMock dockmock) {
        List<Container> containers = docker.listContainersCmd().exec();

        assertThat(containers).singleElement().satisfies(c -> {
            assertThat(c.getNames()).containsExactly("/canned-web");
            assertThat(c.getImage()).isEqualTo("nginx:1.27");
            assertThat(c.getLabels()).containsEntry("stubbed", "yes");
        });
        dockmock.verify(1, "GET", "/containers/json");
    }

    @Test
    void unmatchedRequestsFallThroughToTheEngine(DockerClient docker, DockMock dockmock) {
        String id = docker.createContainerCmd("alpine:3.20").withName("real-one").withCmd("true").exec().getId();

        assertThat(docker.inspectContainerCmd(id).exec().getName()).isEqualTo("/real-one");
        assertThat(dockmock.engine().dispatcher()).isNotNull();
        dockmock.verify(1, "POST", "/containers/create");
        docker.removeContainerCmd(id).exec();
    }
}
