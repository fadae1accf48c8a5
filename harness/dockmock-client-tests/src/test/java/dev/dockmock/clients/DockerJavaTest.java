package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docker-java 3.7 against the engine over a unix socket, as a user's test suite would drive it. */
@Timeout(60)
class DockerJavaTest {
    private static RunningDockMock dockmock;
    private static DockerClient docker;

    @BeforeAll
    static void start() throws IOException {
        dockmock = RunningDockMock.start();
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockmock.dockerHost()).build();
        docker = DockerClientImpl.getInstance(config,
                new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
    }

    @AfterAll
    static void stop() throws IOException {
        docker.close();
        dockmock.close();
    }

    @Test
    void pingsAndReadsVersionAndInfo() {
        docker.pingCmd().exec();
        Version version = docker.versionCmd().exec();
        assertThat(version.getApiVersion()).isEqualTo("1.50");
        assertThat(version.getOperatingSystem()).isEqualTo("linux");
        Info info = docker.infoCmd().exec();
        assertThat(info.getOsType()).isEqualTo("linux");
    }

    @Test
    void pullsRunsAndReadsLogsOfAContainer() throws Exception {
        docker.pullImageCmd("alpine").withTag("3.20").start().awaitCompletion(30, TimeUnit.SECONDS);
        List<Image> images = docker.listImagesCmd().exec();
        assertThat(images).anySatisfy(i -> assertThat(i.getRepoTags()).contains("alpine:3.20"));

        CreateContainerResponse created = docker.createContainerCmd("alpine:3.20").withCmd("echo", "hello from docker-java")
                .withLabels(Map.of("suite", "docker-java")).exec();
        docker.startContainerCmd(created.getId()).exec();
        int exit = docker.waitContainerCmd(created.getId()).start().awaitStatusCode(30, TimeUnit.SECONDS);
        assertThat(exit).isZero();

        StringBuilder logs = new StringBuilder();
        docker.logContainerCmd(created.getId()).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                assertThat(frame.getStreamType()).isEqualTo(StreamType.STDOUT);
                logs.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        assertThat(logs.toString()).isEqualTo("hello from docker-java\n");

        InspectContainerResponse inspect = docker.inspectContainerCmd(created.getId()).exec();
        assertThat(inspect.getState().getStatus()).isEqualTo("exited");
        assertThat(inspect.getState().getExitCodeLong()).isZero();
        List<Container> listed = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("suite", "docker-java")).exec();
        assertThat(listed).extracting(Container::getId).containsExactly(created.getId());
        docker.removeContainerCmd(created.getId()).exec();
        assertThatThrownBy(() -> docker.inspectContainerCmd(created.getId()).exec()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No such container");
    }

    @Test
    void execsCommandsWithOutputAndExitCodes() throws Exception {
        docker.pullImageCmd("alpine").withTag("latest").start().awaitCompletion(30, TimeUnit.SECONDS);
        CreateContainerResponse created = docker.createContainerCmd("alpine").withCmd("sleep", "300").exec();
        docker.startContainerCmd(created.getId()).exec();
        ExecCreateCmdResponse exec = docker.execCreateCmd(created.getId()).withCmd("echo", "in exec")
                .withAttachStdout(true).withAttachStderr(true).exec();
        StringBuilder out = new StringBuilder();
        docker.execStartCmd(exec.getId()).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        assertThat(out.toString()).isEqualTo("in exec\n");
        assertThat(docker.inspectExecCmd(exec.getId()).exec().getExitCodeLong()).isZero();

        ExecCreateCmdResponse failing = docker.execCreateCmd(created.getId()).withCmd("false").withAttachStdout(true).exec();
        docker.execStartCmd(failing.getId()).exec(new ResultCallback.Adapter<>()).awaitCompletion(30, TimeUnit.SECONDS);
        assertThat(docker.inspectExecCmd(failing.getId()).exec().getExitCodeLong()).isEqualTo(1L);

        assertThatThrownBy(() -> docker.removeContainerCmd(created.getId()).exec()).isInstanceOf(ConflictException.class);
        docker.removeContainerCmd(created.getId()).withForce(true).exec();
    }

    @Test
    void publishesPortsOnLoopback() throws Exception {
        docker.pullImageCmd("nginx").withTag("1.27").start().awaitCompletion(30, TimeUnit.SECONDS);
        CreateContainerResponse created = docker.createContainerCmd("nginx:1.27")
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(new PortBinding(Ports.Binding.empty(), ExposedPort.tcp(80))))
                .exec();
        docker.startContainerCmd(created.getId()).exec();
        Ports.Binding[] bindings = docker.inspectContainerCmd(created.getId()).exec().getNetworkSettings().getPorts()
                .getBindings().get(ExposedPort.tcp(80));
        int port = Integer.parseInt(bindings[0].getHostPortSpec());
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("Welcome");
        }
        docker.stopContainerCmd(created.getId()).exec();
        assertThat(docker.inspectContainerCmd(created.getId()).exec().getState().getRunning()).isFalse();
        docker.removeContainerCmd(created.getId()).exec();
    }

    @Test
    void missingImagesAreNotFound() {
        assertThatThrownBy(() -> docker.createContainerCmd("nosuch/image:1").exec()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No such image: nosuch/image:1");
        assertThatThrownBy(() -> docker.pullImageCmd("nosuch/image").withTag("1").start().awaitCompletion(30, TimeUnit.SECONDS))
                .hasMessageContaining("pull access denied for nosuch/image");
    }

    @Test
    void managesImagesNetworksAndVolumesAndReadsEvents() throws Exception {
        long since = System.currentTimeMillis() / 1000 - 1;
        docker.pullImageCmd("busybox").withTag("latest").start().awaitCompletion(30, TimeUnit.SECONDS);
        docker.tagImageCmd("busybox:latest", "example.org/team/box", "v1").exec();
        assertThat(docker.inspectImageCmd("example.org/team/box:v1").exec().getRepoTags())
                .contains("busybox:latest", "example.org/team/box:v1");
        docker.removeImageCmd("example.org/team/box:v1").exec();
        assertThat(docker.listImagesCmd().withReferenceFilter("example.org/*/*").exec()).isEmpty();

        String network = docker.createNetworkCmd().withName("dj-net").withLabels(Map.of("suite", "docker-java")).exec().getId();
        assertThat(docker.inspectNetworkCmd().withNetworkId("dj-net").exec().getId()).isEqualTo(network);
        CreateContainerResponse member = docker.createContainerCmd("busybox").withCmd("sleep", "300").exec();
        docker.startContainerCmd(member.getId()).exec();
        docker.connectToNetworkCmd().withNetworkId(network).withContainerId(member.getId()).exec();
        assertThat(docker.inspectNetworkCmd().withNetworkId(network).exec().getContainers()).containsKey(member.getId());
        docker.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(member.getId()).exec();
        docker.removeContainerCmd(member.getId()).withForce(true).exec();
        docker.removeNetworkCmd(network).exec();
        assertThatThrownBy(() -> docker.inspectNetworkCmd().withNetworkId("dj-net").exec()).isInstanceOf(NotFoundException.class);

        docker.createVolumeCmd().withName("dj-vol").exec();
        assertThat(docker.inspectVolumeCmd("dj-vol").exec().getMountpoint()).isEqualTo("/var/lib/docker/volumes/dj-vol/_data");
        docker.removeVolumeCmd("dj-vol").exec();

        List<String> actions = new java.util.concurrent.CopyOnWriteArrayList<>();
        docker.eventsCmd().withSince(String.valueOf(since)).withUntil(String.valueOf(System.currentTimeMillis() / 1000 + 1))
                .withEventTypeFilter("network").exec(new ResultCallback.Adapter<com.github.dockerjava.api.model.Event>() {
                    @Override
                    public void onNext(com.github.dockerjava.api.model.Event event) {
                        actions.add(event.getAction());
                    }
                }).awaitCompletion(30, TimeUnit.SECONDS);
        assertThat(actions).containsSubsequence("create", "connect", "disconnect", "destroy");
    }

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
