package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineCalls;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Swarm mode in memory: the task state machine, scheduling, restarts, updates and dockerd's error answers. */
@Timeout(60)
class SwarmEngineTest {
    private EngineCalls docker;

    @BeforeEach
    void start() {
        docker = new EngineCalls(Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
                .withSeedImages(List.of("alpine:latest"))));
    }

    @AfterEach
    void stop() {
        docker.close();
    }

    private JsonNode ok(ApiResponse response) {
        assertThat(response.status()).as(EngineCalls.text(response)).isBetween(200, 204);
        return response.body() instanceof dev.dockmock.protocol.ResponseBody.Empty ? null : EngineCalls.json(response);
    }

    private String init() {
        return ok(docker.post("/v1.50/swarm/init", Map.of("ListenAddr", "0.0.0.0:2377", "AdvertiseAddr", "127.0.0.1"))).asText();
    }

    private String createService(Object spec) {
        return ok(docker.post("/v1.50/services/create", spec)).path("ID").asText();
    }

    private static Map<String, Object> service(String name, int replicas, List<String> args) {
        return Map.of("Name", name, "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "alpine:latest", "Args", args)),
                "Mode", Map.of("Replicated", Map.of("Replicas", replicas)));
    }

    private ClusterState cluster() {
        return docker.engine().swarm().membership().cluster();
    }

    private List<Task> tasks(String serviceId) {
        synchronized (cluster().lock()) {
            return cluster().tasksOf(serviceId);
        }
    }

    private long running(String serviceId) {
        return tasks(serviceId).stream().filter(t -> t.live() && t.state() == TaskState.RUNNING).count();
    }

    @Test
    void tasksGoThroughSwarmkitsStatesToRunningContainers() throws Exception {
        init();
        String id = createService(service("sleepers", 2, List.of("sleep", "1000")));
        Await.until(Duration.ofSeconds(10), () -> running(id) == 2, "two running tasks");
        for (Task task : tasks(id)) {
            assertThat(task.history()).containsExactly(TaskState.NEW, TaskState.PENDING, TaskState.ASSIGNED, TaskState.ACCEPTED,
                    TaskState.PREPARING, TaskState.READY, TaskState.STARTING, TaskState.RUNNING);
            JsonNode container = ok(docker.call("GET", "/v1.50/containers/" + task.status().containerId() + "/json"));
            assertThat(container.path("Name").asText()).isEqualTo("/sleepers." + task.slot() + "." + task.id());
            assertThat(container.path("State").path("Running").asBoolean()).isTrue();
            assertThat(container.path("Config").path("Labels").path("com.docker.swarm.service.id").asText()).isEqualTo(id);
            assertThat(container.path("Config").path("Labels").path("com.docker.swarm.task.id").asText()).isEqualTo(task.id());
        }
    }
}
