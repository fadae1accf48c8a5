package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.record.RecordingProxy;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.testing.RealDockerd;
import dev.dockmock.testing.ShortDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docker-java 3.7 (zerodep transport) talks to a real dockerd through the recording proxy; then
 * dockerd is stopped and the same calls, replayed strictly from the cassette, give the same
 * answers. Skipped unless root with docker.io and busybox-static installed.
 *
 * <p>Testcontainers against the real daemon is {@link RealDockerdTestcontainersRecordReplayTest},
 * in its own surefire execution.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealDockerdDockerJavaRecordReplayTest {
    private final ShortDir dir = ShortDir.create();

    @AfterEach
    void clean() {
        dir.close();
    }

    /** What the session saw, compared between dockerd and its replay. */
    record Seen(String id, String logs, int exitCode, String name, String image, String networkMode, String state) {
    }

    private static DockMockServer serve(String host, Dispatcher dispatcher) throws Exception {
        return DockMockServer.builder().host(host).options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(dispatcher).build().start();
    }

    private static Seen session(String host) throws Exception {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        try (DockerClient docker = DockerClientImpl.getInstance(config,
                new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build())) {
            docker.pingCmd().exec();
            CreateContainerResponse created = docker.createContainerCmd("alpine:3.20")
                    .withName("dj1")
                    .withCmd("sh", "-c", "echo out; echo err >&2; exit 4")
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                    .exec();
            docker.startContainerCmd(created.getId()).exec();
            int exitCode = docker.waitContainerCmd(created.getId()).start().awaitStatusCode(60, TimeUnit.SECONDS);
            StringBuilder logs = new StringBuilder();
            docker.logContainerCmd(created.getId()).withStdOut(true).withStdErr(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            logs.append(frame.getStreamType()).append(": ")
                                    .append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(60, TimeUnit.SECONDS);
            InspectContainerResponse inspected = docker.inspectContainerCmd(created.getId()).exec();
            docker.removeContainerCmd(created.getId()).exec();
            return new Seen(created.getId(), logs.toString(), exitCode, inspected.getName(), inspected.getConfig().getImage(),
                    inspected.getHostConfig().getNetworkMode(), inspected.getState().getStatus());
        }
    }

    @Test
    void replayAnswersDockerJavaAsDockerdDid() throws Exception {
        Optional<String> unavailable = RealDockerd.unavailableBecause();
        assumeTrue(unavailable.isEmpty(), () -> "no real dockerd: " + unavailable.orElse(""));
        Path file = dir.path().resolve("docker-java.jsonl");

        Seen recorded;
        try (RealDockerd dockerd = RealDockerd.start();
                CassetteWriter cassette = CassetteWriter.create(file, dockerd.host());
                RecordingProxy proxy = RecordingProxy.to(DockerHost.parse(dockerd.host()), Optional.empty(), cassette);
                DockMockServer recorder = serve(dir.socket("rec.sock"), proxy)) {
            recorded = session(recorder.boundHosts().get(0).toString());
        }
        java.nio.file.Files.copy(file, Path.of("target", "real-dockerd-docker-java.jsonl"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(recorded.id()).matches("[0-9a-f]{64}");
        assertThat(recorded.logs()).contains("STDOUT: out\n", "STDERR: err\n");
        assertThat(recorded.exitCode()).isEqualTo(4);
        assertThat(recorded.name()).isEqualTo("/dj1");
        assertThat(recorded.networkMode()).isEqualTo("none");
        assertThat(recorded.state()).isEqualTo("exited");

        Cassette cassette = Cassette.load(file);
        assertThat(cassette.warnings()).isEmpty();
        ReplayDispatcher replay = new ReplayDispatcher(cassette, ReplayOptions.defaults().withMode(ReplayMode.STRICT));
        Seen replayed;
        try (DockMockServer server = serve(dir.socket("rep.sock"), replay)) {
            replayed = session(server.boundHosts().get(0).toString());
        }
        assertThat(replayed).as("unmatched: " + replay.unmatched()).isEqualTo(recorded);
        assertThat(replay.unmatched()).isEmpty();
        assertThat(replay.unused()).isEmpty();
    }
}
