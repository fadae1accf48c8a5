package dev.dockmock.junit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import dev.dockmock.junit.DockMock;
import dev.dockmock.junit.DockMockExtension;
import dev.dockmock.junit.Mode;
import dev.dockmock.junit.kit.Kit;
import dev.dockmock.junit.kit.KitOnly;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.testing.RealDockerd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Record mode against a real dockerd, then replay without it. The daemon's socket is known only
 * once it has started, so the two user-style classes below take the programmatic
 * {@code @RegisterExtension} form; this test starts dockerd, runs {@link RecordAgainstDockerd},
 * stops dockerd, then runs {@link ReplayWithoutDockerd} on the cassette it left in
 * {@code target/cassettes/real-dockerd/session.jsonl}. Skipped unless root with docker.io and
 * busybox-static installed.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealDockerdRecordReplaySampleTest {
    static final Path CASSETTES = Path.of("target/cassettes");
    static final String CASSETTE = "real-dockerd/session.jsonl";
    static volatile String upstream;
    static volatile Seen recorded;
    static volatile Seen replayed;

    /** What the session saw, compared between dockerd and the replay. */
    record Seen(String id, int exitCode, String logs, String name, String networkMode, Mode mode) {
    }

    @Test
    void replayAnswersAsTheRecordedDockerdDid() throws Exception {
        Optional<String> unavailable = RealDockerd.unavailableBecause();
        assumeTrue(unavailable.isEmpty(), () -> "no real dockerd: " + unavailable.orElse(""));
        Files.deleteIfExists(CASSETTES.resolve(CASSETTE));   // record afresh each run

        try (RealDockerd dockerd = RealDockerd.start()) {
            upstream = dockerd.host();
            Kit.run(RecordAgainstDockerd.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        }
        assertThat(CASSETTES.resolve(CASSETTE)).isNotEmptyFile();
        assertThat(recorded.id()).matches("[0-9a-f]{64}");
        assertThat(recorded.exitCode()).isEqualTo(3);
        assertThat(recorded.logs()).contains("STDOUT: out\n", "STDERR: err\n");
        assertThat(recorded.networkMode()).isEqualTo("none");
        assertThat(recorded.mode()).isEqualTo(Mode.RECORD);

        Kit.run(ReplayWithoutDockerd.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(replayed.mode()).isEqualTo(Mode.REPLAY);
        assertThat(replayed).usingRecursiveComparison().ignoringFields("mode").isEqualTo(recorded);
    }

    /** Create (network mode none), start, wait, logs, inspect, remove. */
    static Seen session(DockerClient docker, DockMock dockmock) throws InterruptedException {
        CreateContainerResponse created = docker.createContainerCmd("alpine:3.20").withName("dm-sample")
                .withCmd("sh", "-c", "echo out; echo err >&2; exit 3")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec();
        docker.startContainerCmd(created.getId()).exec();
        int exit = docker.waitContainerCmd(created.getId()).start().awaitStatusCode(60, TimeUnit.SECONDS);
        StringBuilder logs = new StringBuilder();
        docker.logContainerCmd(created.getId()).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                logs.append(frame.getStreamType()).append(": ").append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(60, TimeUnit.SECONDS);
        var inspected = docker.inspectContainerCmd(created.getId()).exec();
        docker.removeContainerCmd(created.getId()).exec();
        return new Seen(created.getId(), exit, logs.toString(), inspected.getName(), inspected.getHostConfig().getNetworkMode(),
                dockmock.mode());
    }

    /** Records the session from the real dockerd (the cassette is missing, so RECORD records). */
    @KitOnly
    static class RecordAgainstDockerd {
        @RegisterExtension
        static DockMockExtension dockmock = DockMockExtension.builder().mode(Mode.RECORD).upstream(upstream)
                .cassettes(CASSETTES).cassette(CASSETTE).build();

        @Test
        void session(DockerClient docker) throws Exception {
            recorded = RealDockerdRecordReplaySampleTest.session(docker, dockmock.dockMock());
        }
    }

    /** The same session from the cassette alone, strictly in order, every interaction used. */
    @KitOnly
    static class ReplayWithoutDockerd {
        @RegisterExtension
        static DockMockExtension dockmock = DockMockExtension.builder().mode(Mode.REPLAY).replayMode(ReplayMode.STRICT)
                .failOnUnusedInteractions(true).cassettes(CASSETTES).cassette(CASSETTE).build();

        @Test
        void session(DockerClient docker) throws Exception {
            replayed = RealDockerdRecordReplaySampleTest.session(docker, dockmock.dockMock());
        }
    }
}
