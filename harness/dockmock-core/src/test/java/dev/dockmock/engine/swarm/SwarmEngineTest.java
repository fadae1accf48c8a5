package dev.dockmock.engine.swarm;

import static dev.dockmock.engine.EngineCalls.ok;
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

    private static Map<String, Object> failing(String name, Map<String, Object> restartPolicy) {
        return Map.of("Name", name, "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "alpine:latest",
                "Args", List.of("sh", "-c", "exit 3")), "RestartPolicy", restartPolicy));
    }

    private JsonNode inspectService(String id) {
        return ok(docker.call("GET", "/v1.50/services/" + id));
    }

    private long version(JsonNode object) {
        return object.path("Version").path("Index").asLong();
    }

    private ApiResponse update(String id, JsonNode spec) {
        return docker.call("POST", "/v1.50/services/" + id + "/update?version=" + version(inspectService(id)),
                dev.dockmock.protocol.Json.bytes(spec), "application/json");
    }

    private static void assertError(ApiResponse response, int status, String message) {
        assertThat(response.status()).as(EngineCalls.text(response)).isEqualTo(status);
        assertThat(EngineCalls.json(response).path("message").asText()).isEqualTo(message);
    }

    @Test
    void beforeInitTheSwarmApiSaysThisNodeIsNotAManager() {
        assertError(docker.call("GET", "/v1.50/nodes"), 503, dev.dockmock.engine.system.NoSwarmRoutes.NOT_A_MANAGER);
        assertError(docker.call("GET", "/v1.50/services/x"), 503, dev.dockmock.engine.system.NoSwarmRoutes.NOT_A_MANAGER);
        assertError(docker.call("POST", "/v1.50/swarm/leave"), 503, "This node is not part of a swarm");
        assertThat(docker.call("GET", "/_ping").headers().first("Swarm")).contains("inactive");
        assertThat(ok(docker.call("GET", "/v1.50/info")).path("Swarm").path("LocalNodeState").asText()).isEqualTo("inactive");
    }

    @Test
    void initSetsPingInfoAndTheSwarmDocument() {
        String node = init();
        assertThat(node).matches("[0-9a-z]{25}");
        assertThat(docker.call("GET", "/_ping").headers().first("Swarm")).contains("active/manager");
        JsonNode info = ok(docker.call("GET", "/v1.50/info")).path("Swarm");
        assertThat(info.path("NodeID").asText()).isEqualTo(node);
        assertThat(info.path("NodeAddr").asText()).isEqualTo("127.0.0.1");
        assertThat(info.path("LocalNodeState").asText()).isEqualTo("active");
        assertThat(info.path("ControlAvailable").asBoolean()).isTrue();
        assertThat(info.path("Nodes").asInt()).isEqualTo(1);
        assertThat(info.path("Managers").asInt()).isEqualTo(1);
        assertThat(info.path("RemoteManagers").get(0).path("Addr").asText()).isEqualTo("127.0.0.1:2377");
        JsonNode swarm = ok(docker.call("GET", "/v1.50/swarm"));
        assertThat(swarm.path("ID").asText()).isEqualTo(info.path("Cluster").path("ID").asText());
        assertThat(swarm.path("JoinTokens").path("Worker").asText()).matches("SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}");
        assertThat(swarm.path("JoinTokens").path("Manager").asText()).matches("SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}")
                .isNotEqualTo(swarm.path("JoinTokens").path("Worker").asText());
        assertThat(swarm.path("Spec").path("Orchestration").path("TaskHistoryRetentionLimit").asInt()).isEqualTo(5);
        assertThat(swarm.path("DefaultAddrPool").get(0).asText()).isEqualTo("10.0.0.0/8");
        assertThat(swarm.path("SubnetSize").asInt()).isEqualTo(24);
        assertThat(swarm.path("DataPathPort").asInt()).isEqualTo(4789);
        assertThat(swarm.path("TLSInfo").path("TrustRoot").asText()).startsWith("-----BEGIN CERTIFICATE-----");
        String worker = swarm.path("JoinTokens").path("Worker").asText();
        assertError(docker.post("/v1.50/swarm/update?version=" + (version(swarm) + 5), swarm.path("Spec")), 500,
                "rpc error: code = Unknown desc = update out of sequence");
        assertError(docker.post("/v1.50/swarm/update", swarm.path("Spec")), 400,
                "invalid swarm version '': strconv.ParseUint: parsing \"\": invalid syntax");
        ok(docker.post("/v1.50/swarm/update?version=" + version(swarm) + "&rotateWorkerToken=true", swarm.path("Spec")));
        JsonNode rotated = ok(docker.call("GET", "/v1.50/swarm"));
        assertThat(rotated.path("JoinTokens").path("Worker").asText()).isNotEqualTo(worker);
        assertThat(rotated.path("JoinTokens").path("Manager").asText()).isEqualTo(swarm.path("JoinTokens").path("Manager").asText());
        assertThat(ok(docker.call("GET", "/v1.50/swarm/unlockkey")).path("UnlockKey").asText()).isEmpty();
        assertError(docker.post("/v1.50/swarm/init", Map.of()), 503, Swarm.ALREADY_IN_SWARM);
        assertError(docker.post("/v1.50/swarm/join", Map.of("RemoteAddrs", List.of("10.0.0.2:2377"), "JoinToken", worker)), 503,
                Swarm.ALREADY_IN_SWARM);
    }

    @Test
    void aFailingTaskIsRestartedUntilMaxAttempts() throws Exception {
        init();
        String id = createService(failing("fails", Map.of("Condition", "on-failure", "MaxAttempts", 2, "Delay", 1_000_000_000L)));
        Await.until(Duration.ofSeconds(10), () -> tasks(id).stream().filter(t -> t.state() == TaskState.FAILED).count() == 3,
                "three failed runs");
        Thread.sleep(300);
        List<Task> all = tasks(id);
        assertThat(all).hasSize(3).allMatch(t -> t.state() == TaskState.FAILED && t.desired() == TaskState.SHUTDOWN
                && t.status().err().equals("task: non-zero exit (3)") && t.status().exitCode() == 3 && t.slot() == 1);
        assertThat(all.get(1).history()).contains(TaskState.READY, TaskState.STARTING);
        JsonNode list = ok(docker.call("GET", "/v1.50/services?status=true")).get(0).path("ServiceStatus");
        assertThat(list.path("RunningTasks").asInt()).isZero();
        assertThat(list.path("DesiredTasks").asInt()).isEqualTo(1);
    }

    @Test
    void aTaskThatCompletesIsNotRestartedWithConditionNone() throws Exception {
        init();
        String id = createService(Map.of("Name", "once", "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "alpine:latest",
                "Args", List.of("echo", "done")), "RestartPolicy", Map.of("Condition", "none"))));
        Await.until(Duration.ofSeconds(10), () -> tasks(id).stream().anyMatch(t -> t.state() == TaskState.COMPLETE), "completion");
        Thread.sleep(200);
        assertThat(tasks(id)).singleElement().satisfies(t -> {
            assertThat(t.status().message()).isEqualTo("finished");
            assertThat(t.status().exitCode()).isZero();
        });
    }

    @Test
    void aGlobalServiceRunsOneTaskOnTheNode() throws Exception {
        String node = init();
        String id = createService(Map.of("Name", "agent", "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "alpine:latest",
                "Args", List.of("sleep", "1000"))), "Mode", Map.of("Global", Map.of())));
        Await.until(Duration.ofSeconds(10), () -> running(id) == 1, "the global task");
        Task task = tasks(id).get(0);
        assertThat(task.slot()).isZero();
        assertThat(task.nodeId()).isEqualTo(node);
        assertThat(task.containerName()).isEqualTo("agent." + node + "." + task.id());
        assertThat(ok(docker.call("GET", "/v1.50/tasks/" + task.id())).has("Slot")).isFalse();
        JsonNode status = ok(docker.call("GET", "/v1.50/services?status=1")).get(0).path("ServiceStatus");
        assertThat(status.path("RunningTasks").asInt()).isEqualTo(1);
        assertThat(status.path("DesiredTasks").asInt()).isEqualTo(1);
    }

    @Test
    void aRollingUpdateReplacesOneTaskAtATimeWithTheDelayBetween() throws Exception {
        init();
        String id = createService(Map.of("Name", "rolling", "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "alpine:latest",
                "Args", List.of("sleep", "1000"), "StopGracePeriod", 0)),
                "Mode", Map.of("Replicated", Map.of("Replicas", 3)),
                "UpdateConfig", Map.of("Parallelism", 1, "Delay", 10_000_000_000L, "Monitor", 1_000_000_000L)));
        Await.until(Duration.ofSeconds(10), () -> running(id) == 3, "three running tasks");
        com.fasterxml.jackson.databind.node.ObjectNode spec = (com.fasterxml.jackson.databind.node.ObjectNode) inspectService(id).path("Spec");
        ((com.fasterxml.jackson.databind.node.ObjectNode) spec.path("TaskTemplate").path("ContainerSpec")).set("Args",
                dev.dockmock.protocol.Json.mapper().valueToTree(List.of("sleep", "2000")));
        ok(update(id, spec));
        assertThat(inspectService(id).path("UpdateStatus").path("State").asText()).isEqualTo("updating");
        Await.until(Duration.ofSeconds(20), () -> inspectService(id).path("UpdateStatus").path("State").asText().equals("completed"),
                "the update to complete");
        JsonNode service = inspectService(id);
        assertThat(service.path("UpdateStatus").path("Message").asText()).isEqualTo("update completed");
        assertThat(service.path("PreviousSpec").path("TaskTemplate").path("ContainerSpec").path("Args").toString())
                .isEqualTo("[\"sleep\",\"1000\"]");
        List<Task> fresh = tasks(id).stream().filter(Task::live).toList();
        assertThat(fresh).hasSize(3).allMatch(t -> t.spec().path("ContainerSpec").path("Args").get(1).asText().equals("2000"));
        List<java.time.Instant> created = fresh.stream().map(t -> t.meta().createdAt()).sorted().toList();
        for (int i = 1; i < created.size(); i++) {
            assertThat(Duration.between(created.get(i - 1), created.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
        assertThat(tasks(id).stream().filter(t -> !t.live())).hasSize(3).allMatch(t -> t.state() == TaskState.SHUTDOWN
                && t.status().exitCode() == 137);
        assertThat(docker.engine().context().events().history(e -> e.type().equals("service")))
                .extracting(e -> e.action() + " " + e.attributes().getOrDefault("updatestate.new", "") + " " + e.scope())
                .containsExactly("create  swarm", "update  swarm", "update updating swarm", "update completed swarm");
    }

    @Test
    void anUpdateToAnImageNoNodeCanGetPausesAndRollbackRestores() throws Exception {
        init();
        String id = createService(service("broken", 2, List.of("sleep", "1000")));
        Await.until(Duration.ofSeconds(10), () -> running(id) == 2, "two running tasks");
        assertError(docker.call("POST", "/v1.50/services/" + id + "/update?rollback=previous&version=" + version(inspectService(id)),
                dev.dockmock.protocol.Json.bytes(inspectService(id).path("Spec")), "application/json"), 400,
                "rpc error: code = FailedPrecondition desc = service " + id + " does not have a previous spec");
        com.fasterxml.jackson.databind.node.ObjectNode spec = (com.fasterxml.jackson.databind.node.ObjectNode) inspectService(id).path("Spec");
        ((com.fasterxml.jackson.databind.node.ObjectNode) spec.path("TaskTemplate").path("ContainerSpec")).put("Image", "nosuchimage:1");
        ok(update(id, spec));
        Await.until(Duration.ofSeconds(10), () -> inspectService(id).path("UpdateStatus").path("State").asText().equals("paused"),
                "the update to pause");
        assertThat(inspectService(id).path("UpdateStatus").path("Message").asText())
                .startsWith("update paused due to failure or early termination of task ");
        assertThat(tasks(id)).anyMatch(t -> t.state() == TaskState.REJECTED && t.status().err().equals("No such image: nosuchimage:1"));
        JsonNode current = inspectService(id);
        ok(docker.call("POST", "/v1.50/services/" + id + "/update?rollback=previous&version=" + version(current),
                dev.dockmock.protocol.Json.bytes(current.path("Spec")), "application/json"));
        assertThat(inspectService(id).path("UpdateStatus").path("Message").asText()).isEqualTo("manually requested rollback");
        Await.until(Duration.ofSeconds(10), () -> inspectService(id).path("UpdateStatus").path("State").asText()
                .equals("rollback_completed"), "the rollback to complete");
        assertThat(running(id)).isEqualTo(2);
        assertThat(inspectService(id).path("Spec").path("TaskTemplate").path("ContainerSpec").path("Image").asText())
                .isEqualTo("alpine:latest");
    }

    @Test
    void scalingDownForgetsTheTasksAndRemovesTheirContainers() throws Exception {
        init();
        String id = createService(service("scaled", 3, List.of("sleep", "1000")));
        Await.until(Duration.ofSeconds(10), () -> running(id) == 3, "three running tasks");
        com.fasterxml.jackson.databind.node.ObjectNode spec = (com.fasterxml.jackson.databind.node.ObjectNode) inspectService(id).path("Spec");
        ((com.fasterxml.jackson.databind.node.ObjectNode) spec.path("Mode").path("Replicated")).put("Replicas", 1);
        ok(update(id, spec));
        Await.until(Duration.ofSeconds(10), () -> tasks(id).size() == 1, "two tasks forgotten");
        Await.until(Duration.ofSeconds(10), () -> docker.engine().containers().all().size() == 1, "two containers removed");
        assertThat(tasks(id).get(0).slot()).isEqualTo(1);
        assertThat(inspectService(id).has("UpdateStatus")).isFalse();
        assertThat(docker.engine().context().events().history(e -> e.type().equals("service") && e.action().equals("update")))
                .singleElement().satisfies(e -> assertThat(e.attributes()).containsEntry("replicas.old", "3")
                        .containsEntry("replicas.new", "1").containsEntry("name", "scaled"));
    }

    @Test
    void drainingTheOnlyNodeLeavesTheTasksPending() throws Exception {
        String node = init();
        String id = createService(service("drained", 2, List.of("sleep", "1000")));
        Await.until(Duration.ofSeconds(10), () -> running(id) == 2, "two running tasks");
        JsonNode inspect = ok(docker.call("GET", "/v1.50/nodes/" + node));
        ok(docker.post("/v1.50/nodes/" + node + "/update?version=" + version(inspect), Map.of("Role", "manager", "Availability", "drain")));
        Await.until(Duration.ofSeconds(10), () -> tasks(id).stream().filter(t -> t.live() && t.state() == TaskState.PENDING
                && t.status().err().equals("no suitable node (1 node not available for new tasks)")).count() == 2, "pending tasks");
        Await.until(Duration.ofSeconds(10), () -> docker.engine().containers().all().stream().noneMatch(c -> c.status().isUp()),
                "the containers to stop");
        assertThat(docker.engine().context().events().history(e -> e.type().equals("node") && e.action().equals("update")))
                .last().satisfies(e -> assertThat(e.attributes()).containsEntry("availability.old", "active")
                        .containsEntry("availability.new", "drain"));
        assertError(docker.post("/v1.50/nodes/" + node + "/update?version=" + version(inspect), Map.of("Availability", "active")), 500,
                "rpc error: code = Unknown desc = update out of sequence");
        JsonNode now = ok(docker.call("GET", "/v1.50/nodes/" + node));
        assertError(docker.post("/v1.50/nodes/" + node + "/update?version=" + version(now), Map.of("Role", "worker")), 400,
                "rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm");
        assertError(docker.call("DELETE", "/v1.50/nodes/" + node), 400, "rpc error: code = FailedPrecondition desc = node " + node
                + " is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal");
        ok(docker.post("/v1.50/nodes/" + node + "/update?version=" + version(now), Map.of("Role", "manager", "Availability", "active")));
        Await.until(Duration.ofSeconds(10), () -> running(id) == 2, "the tasks to run again");
    }

    @Test
    void serviceErrorsAreDockerds() {
        init();
        createService(service("web", 1, List.of("sleep", "1000")));
        assertError(docker.post("/v1.50/services/create", service("web", 1, List.of("sleep", "1"))), 409,
                "rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists");
        assertError(docker.post("/v1.50/services/create", Map.of("Name", "x", "TaskTemplate", Map.of("ContainerSpec", Map.of()))), 400,
                "rpc error: code = InvalidArgument desc = ContainerSpec: image reference must be provided");
        assertError(docker.post("/v1.50/services/create", Map.of("Name", "bad name", "TaskTemplate",
                Map.of("ContainerSpec", Map.of("Image", "alpine")))), 400,
                "rpc error: code = InvalidArgument desc = name must be valid as a DNS name component");
        assertError(docker.call("GET", "/v1.50/services/nope"), 404, "service nope not found");
        assertError(docker.call("GET", "/v1.50/tasks/nope"), 404, "task nope not found");
        assertError(docker.call("GET", "/v1.50/nodes/nope"), 404, "node nope not found");
        assertError(docker.call("GET", "/v1.50/secrets/nope"), 404, "secret nope not found");
        assertError(docker.call("GET", "/v1.50/configs/nope"), 404, "config nope not found");
        assertError(docker.post("/v1.50/services/web/update?version=1", inspectService("web").path("Spec")), 500,
                "rpc error: code = Unknown desc = update out of sequence");
        assertError(docker.post("/v1.50/services/web/update?version=x", Map.of()), 400,
                "invalid service version 'x': strconv.ParseUint: parsing \"x\": invalid syntax");
        JsonNode renamed = inspectService("web").path("Spec").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) renamed).put("Name", "web2");
        assertError(update("web", renamed), 501, "rpc error: code = Unimplemented desc = renaming services is not supported");
        assertError(docker.call("GET", "/v1.50/tasks?filters=%7B%22service%22%3A%5B%22nope%22%5D%7D"), 404, "service nope not found");
        assertError(docker.call("GET", "/v1.50/services?filters=%7B%22colour%22%3A%5B%22red%22%5D%7D"), 400, "invalid filter 'colour'");
    }

    @Test
    void secretDataIsNeverShownAndSecretsInUseStay() {
        init();
        String secret = ok(docker.post("/v1.50/secrets/create", Map.of("Name", "pw", "Data", "czNjcjN0", "Labels", Map.of("a", "b"))))
                .path("ID").asText();
        assertThat(EngineCalls.text(docker.call("GET", "/v1.50/secrets/" + secret))).doesNotContain("czNjcjN0").doesNotContain("Data");
        assertThat(EngineCalls.text(docker.call("GET", "/v1.50/secrets?filters=%7B%22label%22%3A%5B%22a%3Db%22%5D%7D")))
                .contains(secret).doesNotContain("czNjcjN0");
        assertError(docker.post("/v1.50/secrets/create", Map.of("Name", "empty")), 400,
                "rpc error: code = InvalidArgument desc = secret data must be larger than 0 and less than 512000 bytes");
        assertError(docker.post("/v1.50/secrets/create", Map.of("Name", "pw", "Data", "eA==")), 409,
                "rpc error: code = AlreadyExists desc = secret pw already exists");
        createService(Map.of("Name", "uses", "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "alpine:latest",
                "Args", List.of("sleep", "1000"), "Secrets", List.of(Map.of("SecretID", secret, "SecretName", "pw"))))));
        assertError(docker.call("DELETE", "/v1.50/secrets/" + secret), 400,
                "rpc error: code = InvalidArgument desc = secret 'pw' is in use by the following service: uses");
        ok(docker.call("DELETE", "/v1.50/services/uses"));
        assertThat(docker.call("DELETE", "/v1.50/secrets/pw").status()).isEqualTo(204);
        String config = ok(docker.post("/v1.50/configs/create", Map.of("Name", "cfg", "Data", "eA=="))).path("ID").asText();
        assertThat(ok(docker.call("GET", "/v1.50/configs/" + config)).path("Spec").path("Data").asText()).isEqualTo("eA==");
        assertThat(docker.engine().context().events().history(e -> e.scope().equals("swarm")))
                .extracting(e -> e.type() + " " + e.action())
                .containsExactly("node update", "secret create", "service create", "service remove", "secret remove", "config create");
    }

    @Test
    void leavingRemovesTheTaskContainersAndEndsSwarmMode() throws Exception {
        init();
        String id = createService(service("gone", 2, List.of("sleep", "1000")));
        Await.until(Duration.ofSeconds(10), () -> running(id) == 2, "two running tasks");
        assertError(docker.call("POST", "/v1.50/swarm/leave"), 503, Swarm.LAST_MANAGER);
        ok(docker.call("POST", "/v1.50/swarm/leave?force=true"));
        assertThat(docker.engine().containers().all()).isEmpty();
        assertThat(docker.call("GET", "/_ping").headers().first("Swarm")).contains("inactive");
        assertError(docker.call("GET", "/v1.50/services"), 503, dev.dockmock.engine.system.NoSwarmRoutes.NOT_A_MANAGER);
        init();
        assertThat(ok(docker.call("GET", "/v1.50/services")).size()).isZero();
    }

    @Test
    void constraintsNoNodeSatisfiesLeaveTasksPendingWithSwarmkitsExplanation() throws Exception {
        init();
        String id = createService(Map.of("Name", "picky", "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "alpine:latest",
                "Args", List.of("sleep", "1000")), "Placement", Map.of("Constraints", List.of("node.role==worker")))));
        Await.until(Duration.ofSeconds(10), () -> tasks(id).stream().anyMatch(t -> t.status().err()
                .equals("no suitable node (scheduling constraints not satisfied on 1 node)")), "the scheduler's explanation");
        String other = createService(Map.of("Name", "onmanager", "TaskTemplate", Map.of("ContainerSpec", Map.of("Image",
                "alpine:latest", "Args", List.of("sleep", "1000")), "Placement",
                Map.of("Constraints", List.of("node.role == manager", "node.hostname!=elsewhere")))));
        Await.until(Duration.ofSeconds(10), () -> running(other) == 1, "the task the constraints allow");
    }

    @Test
    void autoLockGivesAnUnlockKeyAndRotatesIt() {
        init();
        JsonNode swarm = ok(docker.call("GET", "/v1.50/swarm"));
        com.fasterxml.jackson.databind.node.ObjectNode spec = swarm.path("Spec").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) spec.path("EncryptionConfig")).put("AutoLockManagers", true);
        ok(docker.post("/v1.50/swarm/update?version=" + version(swarm), spec));
        String key = ok(docker.call("GET", "/v1.50/swarm/unlockkey")).path("UnlockKey").asText();
        assertThat(key).matches("SWMKEY-1-[A-Za-z0-9+/]{43}");
        JsonNode locked = ok(docker.call("GET", "/v1.50/swarm"));
        ok(docker.post("/v1.50/swarm/update?version=" + version(locked) + "&rotateManagerUnlockKey=true", locked.path("Spec")));
        assertThat(ok(docker.call("GET", "/v1.50/swarm/unlockkey")).path("UnlockKey").asText()).isNotEqualTo(key)
                .startsWith("SWMKEY-1-");
        assertThat(ok(docker.call("GET", "/v1.50/info")).path("Swarm").path("Cluster").path("Spec").path("EncryptionConfig")
                .path("AutoLockManagers").asBoolean()).isTrue();
    }
}
