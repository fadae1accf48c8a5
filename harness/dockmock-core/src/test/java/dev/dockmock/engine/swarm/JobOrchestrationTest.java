package dev.dockmock.engine.swarm;

import static dev.dockmock.engine.EngineCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.EngineCalls;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import dev.dockmock.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Job services in memory: concurrency, completions, executions, restarts, the stored spec and the status counts. */
@Timeout(60)
class JobOrchestrationTest {
    private EngineCalls docker;

    @BeforeEach
    void start() {
        docker = EngineCalls.swarmManager();
    }

    @AfterEach
    void stop() {
        docker.close();
    }


    private static Map<String, Object> job(String name, Map<String, Object> mode, List<String> args, Map<String, Object> restart) {
        return Map.of("Name", name, "Mode", mode, "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "alpine:latest", "Args", args),
                "RestartPolicy", restart));
    }

    private static Map<String, Object> replicatedJob(Map<String, Object> settings) {
        return Map.of("ReplicatedJob", settings);
    }

    private String create(Map<String, Object> spec) {
        return ok(docker.post("/v1.50/services/create", spec)).path("ID").asText();
    }

    private List<Task> tasks(String serviceId) {
        ClusterState cluster = docker.engine().swarm().membership().cluster();
        synchronized (cluster.lock()) {
            return cluster.tasksOf(serviceId);
        }
    }

    private long inState(String serviceId, TaskState state) {
        return tasks(serviceId).stream().filter(t -> t.state() == state).count();
    }

    private JsonNode status(String serviceId) {
        for (JsonNode service : ok(docker.call("GET", "/v1.50/services?status=true"))) {
            if (service.path("ID").asText().equals(serviceId)) {
                return service.path("ServiceStatus");
            }
        }
        throw new AssertionError("no service " + serviceId);
    }

    /** Runs a short job to its end: the control loop has made several passes by then. */
    private void letTheLoopPass(String name) throws InterruptedException {
        String id = create(job(name, replicatedJob(Map.of()), List.of("true"), Map.of()));
        Await.until(Duration.ofSeconds(10), () -> inState(id, TaskState.COMPLETE) == 1, name + " to complete");
    }

    @Test
    void atMostMaxConcurrentTasksRunAtOnce() throws Exception {
        String id = create(job("sleepers", replicatedJob(Map.of("MaxConcurrent", 2, "TotalCompletions", 5)), List.of("sleep", "1000"),
                Map.of()));
        Await.until(Duration.ofSeconds(10), () -> inState(id, TaskState.RUNNING) >= 2, "two running tasks");
        letTheLoopPass("probe");
        assertThat(tasks(id)).hasSize(2).allMatch(t -> t.desired() == TaskState.COMPLETE && t.jobIteration() == 0)
                .extracting(Task::slot).containsExactlyInAnyOrder(0, 1);
        JsonNode status = status(id);
        assertThat(status.path("RunningTasks").asLong()).isEqualTo(2);
        assertThat(status.path("DesiredTasks").asLong()).isEqualTo(2);
        assertThat(status.path("CompletedTasks").asLong()).isZero();
    }

    @Test
    void completedTasksStayAndTheNextOnlyStartWhenOneHasCompleted() throws Exception {
        String id = create(job("echoes", replicatedJob(Map.of("MaxConcurrent", 2, "TotalCompletions", 5)), List.of("echo", "hi"), Map.of()));
        Await.until(Duration.ofSeconds(10), () -> inState(id, TaskState.COMPLETE) == 5, "five completions");
        letTheLoopPass("probe");
        List<Task> all = tasks(id);
        assertThat(all).hasSize(5).allMatch(t -> t.desired() == TaskState.COMPLETE && t.state() == TaskState.COMPLETE)
                .extracting(Task::slot).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        for (Task task : all) {
            long stillActive = all.stream().filter(other -> other != task && !other.meta().createdAt().isAfter(task.meta().createdAt())
                    && completedAt(other).isAfter(task.meta().createdAt())).count();
            assertThat(stillActive).as("tasks running when %s was made", task.slot()).isLessThanOrEqualTo(1);
        }
        assertThat(status(id).path("CompletedTasks").asLong()).isEqualTo(5);
    }

    private static Instant completedAt(Task task) {
        return task.status().timestamp();
    }

    @Test
    void theSpecIsStoredWithDockerdsDefaultsAndAJobStatus() {
        String one = create(job("one", replicatedJob(Map.of()), List.of("true"), Map.of()));
        String three = create(job("three", replicatedJob(Map.of("MaxConcurrent", 3)), List.of("true"), Map.of()));
        String global = create(job("everywhere", Map.of("GlobalJob", Map.of()), List.of("true"), Map.of()));
        JsonNode first = ok(docker.call("GET", "/v1.50/services/" + one));
        assertThat(first.path("Spec").path("Mode").toString()).isEqualTo("{\"ReplicatedJob\":{\"MaxConcurrent\":1,\"TotalCompletions\":1}}");
        assertThat(first.path("JobStatus").path("JobIteration").path("Index").asLong()).isZero();
        assertThat(first.path("JobStatus").path("LastExecution").asText()).isNotEmpty();
        assertThat(first.path("Spec").has("UpdateConfig")).isFalse();
        assertThat(ok(docker.call("GET", "/v1.50/services/" + three)).path("Spec").path("Mode").path("ReplicatedJob")
                .path("TotalCompletions").asLong()).isEqualTo(3);
        assertThat(ok(docker.call("GET", "/v1.50/services/" + global)).path("Spec").path("Mode").toString()).isEqualTo("{\"GlobalJob\":{}}");
        assertThat(ok(docker.call("GET", "/v1.50/services?filters=" + java.net.URLEncoder.encode("{\"mode\":[\"global-job\"]}",
                java.nio.charset.StandardCharsets.UTF_8)))).singleElement().satisfies(s -> assertThat(s.path("ID").asText()).isEqualTo(global));
        ApiResponse negative = docker.post("/v1.50/services/create", job("bad", replicatedJob(Map.of("MaxConcurrent", -1)), List.of("true"),
                Map.of()));
        assertThat(negative.status()).isEqualTo(400);
    }

    @Test
    void anUpdateStartsANewExecutionAndRemovesTheOldOnesTasks() throws Exception {
        String id = create(job("sleepers", replicatedJob(Map.of("MaxConcurrent", 2, "TotalCompletions", 2)), List.of("sleep", "1000"),
                Map.of()));
        Await.until(Duration.ofSeconds(10), () -> inState(id, TaskState.RUNNING) == 2, "two running tasks");
        JsonNode service = ok(docker.call("GET", "/v1.50/services/" + id));
        ObjectNode spec = (ObjectNode) service.path("Spec").deepCopy();
        ((ObjectNode) spec.path("TaskTemplate")).put("ForceUpdate", 1);
        ApiResponse update = docker.call("POST", "/v1.50/services/" + id + "/update?version=" + service.path("Version").path("Index").asLong(),
                Json.bytes(spec), "application/json");
        assertThat(update.status()).as(EngineCalls.text(update)).isEqualTo(200);
        JsonNode updated = ok(docker.call("GET", "/v1.50/services/" + id));
        assertThat(updated.path("JobStatus").path("JobIteration").path("Index").asLong()).isEqualTo(1);
        assertThat(updated.has("UpdateStatus")).isFalse();
        Await.until(Duration.ofSeconds(10), () -> tasks(id).size() == 2 && inState(id, TaskState.RUNNING) == 2
                && tasks(id).stream().allMatch(t -> t.jobIteration() == 1), "the old execution's tasks to go and the new one's to run");
        JsonNode listed = ok(docker.call("GET", "/v1.50/tasks"));
        assertThat(listed).allSatisfy(t -> assertThat(t.path("DesiredState").asText()).isEqualTo("complete"))
                .anySatisfy(t -> assertThat(t.path("JobIteration").path("Index").asLong()).isEqualTo(1));
    }

    @Test
    void aModeChangeIsRefused() {
        String id = create(job("once", replicatedJob(Map.of()), List.of("true"), Map.of()));
        JsonNode service = ok(docker.call("GET", "/v1.50/services/" + id));
        ObjectNode spec = (ObjectNode) service.path("Spec").deepCopy();
        spec.set("Mode", Json.mapper().valueToTree(Map.of("Replicated", Map.of("Replicas", 1))));
        ApiResponse update = docker.call("POST", "/v1.50/services/" + id + "/update?version=" + service.path("Version").path("Index").asLong(),
                Json.bytes(spec), "application/json");
        assertThat(update.status()).isEqualTo(501);
        assertThat(EngineCalls.json(update).path("message").asText())
                .isEqualTo("rpc error: code = Unimplemented desc = service mode change is not allowed");
    }

    @Test
    void aFailedTaskIsNotRestartedWithConditionNone() throws Exception {
        String id = create(job("fails", replicatedJob(Map.of()), List.of("sh", "-c", "exit 3"), Map.of("Condition", "none")));
        Await.until(Duration.ofSeconds(10), () -> inState(id, TaskState.FAILED) == 1, "the failure");
        letTheLoopPass("probe");
        assertThat(tasks(id)).singleElement().satisfies(t -> {
            assertThat(t.desired()).isEqualTo(TaskState.SHUTDOWN);
            assertThat(t.status().err()).isEqualTo("task: non-zero exit (3)");
        });
    }

    @Test
    void aFailedTaskIsRestartedInItsSlotUpToMaxAttempts() throws Exception {
        String id = create(job("fails", replicatedJob(Map.of()), List.of("sh", "-c", "exit 3"), Map.of("MaxAttempts", 2, "Delay", 10_000_000L)));
        Await.until(Duration.ofSeconds(10), () -> inState(id, TaskState.FAILED) == 3, "three failed runs");
        letTheLoopPass("probe");
        assertThat(tasks(id)).hasSize(3).allMatch(t -> t.slot() == 0 && t.jobIteration() == 0 && t.desired() == TaskState.SHUTDOWN);
        JsonNode status = status(id);
        assertThat(status.path("CompletedTasks").asLong()).isZero();
        assertThat(status.path("DesiredTasks").asLong()).isEqualTo(1);
    }
}
