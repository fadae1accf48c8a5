package dev.dockmock.junit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.dockmock.junit.DockMock;
import dev.dockmock.junit.DockMockLifecycle;
import dev.dockmock.junit.DockMockTest;
import dev.dockmock.junit.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replays committed cassettes ({@code src/test/resources/cassettes/ReplaySampleTest/<method>.jsonl},
 * written by {@link CassetteGenerator}): no engine and no daemon answer, only the recording. Every
 * recorded interaction must be asked for.
 */
@Timeout(60)
@DockMockTest(mode = Mode.REPLAY, lifecycle = DockMockLifecycle.PER_METHOD, failOnUnusedInteractions = true)
class ReplaySampleTest {

    @Test
    void runsAContainerAndReadsItsLogs(DockerClient docker, DockMock dockmock) throws Exception {
        Scenarios.Run run = Scenarios.echoInAContainer(docker, "hello from a cassette");

        assertThat(run.exitCode()).isZero();
        assertThat(run.logs()).isEqualTo("hello from a cassette\n");
        assertThat(dockmock.mode()).isEqualTo(Mode.REPLAY);
        assertThat(dockmock.cassette()).hasValueSatisfying(c -> assertThat(c.toString()).endsWith("ReplaySampleTest/runsAContainerAndReadsItsLogs.jsonl"));
        assertThat(dockmock.replay().orElseThrow().unused()).isEmpty();
    }

    @Test
    void reportsAMissingImage(DockerClient docker) {
        docker.pingCmd().exec();
        assertThat(Scenarios.inspectAMissingImage(docker)).contains("No such image: no-such-image:1");
    }
}
