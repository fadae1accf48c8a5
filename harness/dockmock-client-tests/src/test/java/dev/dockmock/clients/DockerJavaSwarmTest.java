package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SecretSpec;
import com.github.dockerjava.api.model.Swarm;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docker-java 3.7's swarm commands against a dockmock engine, as a user's suite would run them:
 * init, inspect, nodes, a replicated service with its tasks running, scaling it, secrets,
 * configs, removing the service and leaving the swarm.
 */
@Timeout(90)
class DockerJavaSwarmTest {
    private RunningDockMock dockmock;
    private DockerClient docker;

    @BeforeEach
    void start() throws IOException {
        dockmock = RunningDockMock.start();
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockmock.dockerHost()).build();
        docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
    }

    @AfterEach
    void stop() throws IOException {
        docker.close();
        dockmock.close();
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(50);
        }
    }

    private long running(String serviceId) {
        return docker.listTasksCmd().withServiceFilter(serviceId).exec().stream()
                .filter(t -> t.getDesiredState() == TaskState.RUNNING && t.getStatus().getState() == TaskState.RUNNING).count();
    }

    private static ServiceSpec spec(String name, int replicas) {
        return new ServiceSpec().withName(name)
                .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec().withImage("nginx:latest")))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(replicas)));
    }

    @Test
    void aSwarmFromInitToLeave() throws Exception {
        docker.initializeSwarmCmd(new SwarmSpec()).withListenAddr("0.0.0.0:2377").withAdvertiseAddr("127.0.0.1").exec();
        Swarm swarm = docker.inspectSwarmCmd().exec();
        assertThat(swarm.getId()).isNotBlank();
        assertThat(swarm.getJoinTokens().getWorker()).startsWith("SWMTKN-1-");
        assertThat(swarm.getSpec().getName()).isEqualTo("default");

        List<SwarmNode> nodes = docker.listSwarmNodesCmd().exec();
        assertThat(nodes).hasSize(1);
        assertThat(nodes.get(0).getStatus().getState()).isEqualTo(SwarmNodeState.READY);
        assertThat(nodes.get(0).getManagerStatus().isLeader()).isTrue();

        String id = docker.createServiceCmd(spec("web", 2)).exec().getId();
        assertThat(docker.listServicesCmd().exec()).extracting(Service::getId).containsExactly(id);
        await(() -> running(id) == 2, () -> "two running tasks: " + docker.listTasksCmd().exec());
        List<Task> tasks = docker.listTasksCmd().withServiceFilter("web").exec();
        assertThat(tasks).extracting(Task::getSlot).containsExactlyInAnyOrder(1, 2);
        assertThat(tasks).extracting(Task::getNodeId).containsOnly(nodes.get(0).getId());

        Service web = docker.inspectServiceCmd("web").exec();
        assertThat(web.getSpec().getMode().getReplicated().getReplicas()).isEqualTo(2);
        docker.updateServiceCmd(id, spec("web", 3)).withVersion(web.getVersion().getIndex()).exec();
        await(() -> running(id) == 3, () -> "three running tasks after scaling");
        assertThat(docker.inspectServiceCmd(id).exec().getSpec().getMode().getReplicated().getReplicas()).isEqualTo(3);
        assertThatThrownBy(() -> docker.updateServiceCmd(id, spec("web", 1)).withVersion(web.getVersion().getIndex()).exec())
                .isInstanceOf(DockerException.class).hasMessageContaining("update out of sequence");

        String secret = docker.createSecretCmd(new SecretSpec().withName("db_password").withLabels(Map.of("tier", "db"))
                .withData(Base64.getEncoder().encodeToString("s3cr3t".getBytes(StandardCharsets.UTF_8)))).exec().getId();
        assertThat(docker.listSecretsCmd().exec()).singleElement().satisfies(s -> {
            assertThat(s.getId()).isEqualTo(secret);
            assertThat(s.getSpec().getName()).isEqualTo("db_password");
            assertThat(s.getSpec().getLabels()).containsEntry("tier", "db");
        });
        docker.removeSecretCmd(secret).exec();
        assertThat(docker.listSecretsCmd().exec()).isEmpty();

        String config = docker.createConfigCmd().withName("app.conf").withData("listen 80".getBytes(StandardCharsets.UTF_8)).exec().getId();
        assertThat(docker.listConfigsCmd().exec()).singleElement().satisfies(c -> {
            assertThat(c.getId()).isEqualTo(config);
            assertThat(c.getSpec().getName()).isEqualTo("app.conf");
        });

        assertThat(docker.inspectConfigCmd(config).exec().getSpec().getName()).isEqualTo("app.conf");

        docker.removeServiceCmd(id).exec();
        assertThat(docker.listServicesCmd().exec()).isEmpty();
        assertThatThrownBy(() -> docker.inspectServiceCmd(id).exec()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> docker.leaveSwarmCmd().exec()).isInstanceOf(DockerException.class)
                .hasMessageContaining("--force");
        docker.leaveSwarmCmd().withForceEnabled(true).exec();
        assertThat(docker.infoCmd().exec().getSwarm().getLocalNodeState().name()).isEqualTo("INACTIVE");
        assertThatThrownBy(() -> docker.inspectSwarmCmd().exec()).isInstanceOf(DockerException.class)
                .hasMessageContaining("This node is not a swarm manager");
    }
}
