package dev.dockmock.clients;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The docker-java 3.7 (zerodep transport) session recorded from a real dockerd into
 * {@code fixtures/sessions/docker-java.jsonl}: ping, create {@code dj1} with network mode
 * {@code none}, start, wait, logs, inspect, remove. The same code runs against dockerd (through
 * the recorder) and against the replays.
 */
final class DockerJavaSession {
    static final String NAME = "docker-java";

    /** What docker-java showed of the session. */
    record Seen(String id, String logs, int exitCode, String name, String image, String networkMode, String state) {
    }

    private DockerJavaSession() {
    }

    static Seen run(String host) throws Exception {
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
}
