package dev.dockmock.contract;

import static dev.dockmock.contract.ScenarioClient.q;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The swarm API in the contract scenario: init, the swarm, nodes, secrets, configs, a service
 * through update and rollback, its tasks and logs, a replicated job to completion and a new
 * execution, the error answers, and leaving.
 */
final class SwarmSteps {
    private final ScenarioClient c;

    SwarmSteps(ScenarioClient client) {
        this.c = client;
    }

    void run() throws InterruptedException {
        c.json("POST", "/swarm/join", "{\"RemoteAddrs\":[\"10.9.9.9:2377\"],\"JoinToken\":\"not-a-token\"}", 400);
        String node = c.json("POST", "/swarm/init", "{\"ListenAddr\":\"0.0.0.0:2377\",\"AdvertiseAddr\":\"127.0.0.1\"}", 200)
                .json().asText();
        c.json("POST", "/swarm/init", "{}", 503);
        c.json("POST", "/swarm/join", "{\"RemoteAddrs\":[\"10.9.9.9:2377\"],\"JoinToken\":\"x\"}", 503);
        c.call("GET", "/info", 200);
        c.call("GET", "/_ping", 200);
        JsonNode swarm = c.call("GET", "/swarm", 200).json();
        long version = swarm.path("Version").path("Index").asLong();
        c.json("POST", "/swarm/update?version=" + version + "&rotateWorkerToken=true", swarm.path("Spec").toString(), 200);
        c.json("POST", "/swarm/update?version=" + version, swarm.path("Spec").toString(), 500);
        c.json("POST", "/swarm/update", "{}", 400);
        c.call("GET", "/swarm/unlockkey", 200);
        c.json("POST", "/swarm/unlock", "{\"UnlockKey\":\"x\"}", 409);
        nodes(node);
        String secret = objects("secrets", "c2VjcmV0");
        objects("configs", "Y29uZmln");
        String network = c.json("POST", "/networks/create", "{\"Name\":\"contract-overlay\",\"Driver\":\"overlay\","
                + "\"Attachable\":true}", 201).json().path("Id").asText();
        c.call("GET", "/networks/" + network, 200);
        services(secret);
        job();
        c.call("DELETE", "/networks/" + network, 204);
        c.call("DELETE", "/secrets/" + secret, 204);
        c.call("POST", "/swarm/leave", 503);
        c.call("POST", "/swarm/leave?force=1", 200);
    }

    private void nodes(String node) {
        c.call("GET", "/nodes", 200);
        c.call("GET", "/nodes?filters=" + q("{\"role\":[\"manager\"]}"), 200);
        JsonNode inspect = c.call("GET", "/nodes/" + node, 200).json();
        c.call("GET", "/nodes/nosuchnode", 404);
        long version = inspect.path("Version").path("Index").asLong();
        c.json("POST", "/nodes/" + node + "/update?version=" + version,
                "{\"Role\":\"manager\",\"Availability\":\"active\",\"Labels\":{\"zone\":\"a\"}}", 200);
        c.json("POST", "/nodes/" + node + "/update?version=" + version, "{\"Role\":\"manager\",\"Availability\":\"active\"}", 500);
        c.json("POST", "/nodes/nosuchnode/update?version=1", "{}", 404);
        c.call("DELETE", "/nodes/nosuchnode", 404);
    }

    private String objects(String kind, String data) {
        String id = c.json("POST", "/" + kind + "/create", "{\"Name\":\"contract-" + kind + "\",\"Data\":\"" + data + "\"}", 201)
                .json().path("ID").asText();
        c.json("POST", "/" + kind + "/create", "{\"Name\":\"contract-" + kind + "\",\"Data\":\"" + data + "\"}", 409);
        c.call("GET", "/" + kind, 200);
        JsonNode inspect = c.call("GET", "/" + kind + "/" + id, 200).json();
        c.call("GET", "/" + kind + "/nosuchobject", 404);
        long version = inspect.path("Version").path("Index").asLong();
        c.json("POST", "/" + kind + "/" + id + "/update?version=" + version,
                "{\"Name\":\"contract-" + kind + "\",\"Data\":\"" + data + "\",\"Labels\":{\"a\":\"b\"}}", 200);
        c.json("POST", "/" + kind + "/" + id + "/update?version=" + (version + 1), "{\"Name\":\"renamed\"}", 400);
        c.json("POST", "/" + kind + "/nosuchobject/update?version=1", "{}", 404);
        c.call("DELETE", "/" + kind + "/nosuchobject", 404);
        if (kind.equals("configs")) {
            c.call("DELETE", "/configs/" + id, 204);
        }
        return id;
    }

    private void services(String secret) throws InterruptedException {
        String spec = "{\"Name\":\"contract-web\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"alpine:latest\","
                + "\"Args\":[\"sh\",\"-c\",\"echo hello; sleep 1000\"],\"Secrets\":[{\"SecretID\":\"" + secret + "\","
                + "\"SecretName\":\"contract-secrets\",\"File\":{\"Name\":\"s\",\"UID\":\"0\",\"GID\":\"0\",\"Mode\":292}}]},"
                + "\"Networks\":[{\"Target\":\"contract-overlay\",\"Aliases\":[\"web\"]}]},"
                + "\"Mode\":{\"Replicated\":{\"Replicas\":2}},\"EndpointSpec\":{\"Ports\":[{\"TargetPort\":80}]}}";
        String id = c.json("POST", "/services/create", spec, 201).json().path("ID").asText();
        c.json("POST", "/services/create", spec, 409);
        c.json("POST", "/services/create", "{\"Name\":\"bad name!\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"alpine\"}}}", 400);
        c.call("DELETE", "/secrets/" + secret, 400);
        waitForRunning(id, 2);
        c.call("GET", "/services", 200);
        c.call("GET", "/services?status=true&filters=" + q("{\"name\":[\"contract\"]}"), 200);
        JsonNode service = c.call("GET", "/services/" + id, 200).json();
        c.call("GET", "/services/nosuchservice", 404);
        long version = service.path("Version").path("Index").asLong();
        String changed = service.path("Spec").toString().replace("echo hello", "echo again");
        c.json("POST", "/services/" + id + "/update?version=" + version, changed, 200);
        c.json("POST", "/services/" + id + "/update?version=" + version, changed, 500);
        c.json("POST", "/services/nosuchservice/update?version=1", "{}", 404);
        long next = c.call("GET", "/services/" + id, 200).json().path("Version").path("Index").asLong();
        c.json("POST", "/services/" + id + "/update?version=" + next + "&rollback=previous", changed, 200);
        c.call("GET", "/tasks", 200);
        JsonNode tasks = c.call("GET", "/tasks?filters=" + q("{\"service\":[\"contract-web\"],\"desired-state\":[\"running\"]}"), 200)
                .json();
        String task = tasks.path(0).path("ID").asText();
        c.call("GET", "/tasks/" + task, 200);
        c.call("GET", "/tasks/nosuchtask", 404);
        c.call("GET", "/tasks/" + task + "/logs?stdout=1&details=1", 200);
        c.call("GET", "/services/" + id + "/logs?stdout=1&stderr=1&timestamps=1", 200);
        c.call("GET", "/services/nosuchservice/logs?stdout=1", 404);
        c.call("DELETE", "/services/" + id, 200);
        c.call("DELETE", "/services/" + id, 404);
    }

    private void job() throws InterruptedException {
        String spec = "{\"Name\":\"contract-job\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"alpine:latest\","
                + "\"Args\":[\"echo\",\"done\"]}},\"Mode\":{\"ReplicatedJob\":{\"MaxConcurrent\":1,\"TotalCompletions\":2}}}";
        String id = c.json("POST", "/services/create", spec, 201).json().path("ID").asText();
        waitFor(id, "complete", 2);
        c.call("GET", "/services?status=true&filters=" + q("{\"mode\":[\"replicated-job\"]}"), 200);
        JsonNode service = c.call("GET", "/services/" + id, 200).json();
        c.json("POST", "/services/" + id + "/update?version=" + service.path("Version").path("Index").asLong(),
                service.path("Spec").toString(), 200);
        c.call("GET", "/services/" + id, 200);
        c.call("GET", "/tasks?filters=" + q("{\"service\":[\"contract-job\"]}"), 200);
        c.call("DELETE", "/services/" + id, 200);
    }

    private void waitForRunning(String service, int count) throws InterruptedException {
        waitFor(service, "running", count);
    }

    /** Waits until {@code count} of the service's tasks wanted in {@code state} are in it. */
    private void waitFor(String service, String state, int count) throws InterruptedException {
        String filter = q("{\"service\":[\"" + service + "\"],\"desired-state\":[\"" + state + "\"]}");
        for (int i = 0; i < 500; i++) {
            JsonNode tasks = c.call("GET", "/tasks?filters=" + filter, 200).json();
            int running = 0;
            for (JsonNode task : tasks) {
                running += task.path("Status").path("State").asText().equals(state) ? 1 : 0;
            }
            if (running == count) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("service " + service + " never had " + count + " " + state + " tasks");
    }
}
