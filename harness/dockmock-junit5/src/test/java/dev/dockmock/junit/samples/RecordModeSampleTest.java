package dev.dockmock.junit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.dockmock.junit.DockMock;
import dev.dockmock.junit.DockMockLifecycle;
import dev.dockmock.junit.DockMockTest;
import dev.dockmock.junit.Mode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Record mode as a user writes it: the first run records the session into
 * {@code target/cassettes/RecordModeSampleTest/<method>.jsonl}, later runs replay it. Here the
 * upstream is the fake engine; leave {@code upstream} out to record the daemon {@code DOCKER_HOST}
 * names, and keep cassettes under {@code src/test/resources/cassettes} to commit them.
 */
@Timeout(60)
@DockMockTest(mode = Mode.RECORD, upstream = "engine", images = "alpine:3.20", cassettes = "target/cassettes",
        lifecycle = DockMockLifecycle.PER_METHOD)
class RecordModeSampleTest {

    @Test
    void recordsOnceThenReplays(DockerClient docker, DockMock dockmock) throws Exception {
        Scenarios.Run run = Scenarios.echoInAContainer(docker, "recorded once");

        assertThat(run.logs()).isEqualTo("recorded once\n");
        assertThat(dockmock.mode()).isIn(Mode.RECORD, Mode.REPLAY);
        assertThat(dockmock.cassette()).hasValueSatisfying(file -> assertThat(Files.exists(file)).isTrue());
    }
}
