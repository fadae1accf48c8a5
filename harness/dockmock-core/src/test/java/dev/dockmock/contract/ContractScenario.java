package dev.dockmock.contract;

import static dev.dockmock.contract.ScenarioClient.q;

import dev.dockmock.protocol.Headers;
import java.time.Instant;

/**
 * A broad walk over the engine's API for the contract test: every implemented route, the happy
 * paths and the error answers clients meet (404 for what does not exist, 409 conflicts, 304 for
 * no change, 400 for bad parameters). Each step says which status it means to provoke.
 */
public final class ContractScenario {
    private final ScenarioClient c;

    public ContractScenario(ScenarioClient client) {
        this.c = client;
    }

    /** Runs every step in order. */
    public void run() throws InterruptedException {
        long since = Instant.now().getEpochSecond() - 1;
        system();
        images();
        containers();
        ResourceSteps resources = new ResourceSteps(c);
        resources.networks();
        resources.volumes();
        resources.daemon();
        new SwarmSteps(c).run();
        new FileSteps(c).run();
        Thread.sleep(1100);
        events(since);
    }

    private void system() {
        c.unversioned("HEAD", "/_ping", 200);
        c.unversioned("GET", "/version", 200);
        c.call("GET", "/_ping", 200);
        c.call("HEAD", "/_ping", 200);
        c.call("GET", "/version", 200);
        c.call("GET", "/info", 200);
        c.call("GET", "/no/such/route", 404);
    }

    private void images() {
        c.call("GET", "/images/json", 200);
        c.call("GET", "/images/json?all=1&digests=1", 200);
        c.call("POST", "/images/create?fromImage=busybox&tag=latest", 200);
        c.call("POST", "/images/create?fromImage=alpine&tag=latest", 200);
        c.call("POST", "/images/create?fromImage=testcontainers/ryuk:0.11.0", 200);
        c.call("POST", "/images/create?fromImage=alpine&tag=0.0-nonexistent", 404);
        c.call("POST", "/images/create?fromImage=nosuchorg/nosuchimage&tag=latest", 404);
        c.call("GET", "/images/alpine:latest/json", 200);
        c.call("GET", "/images/testcontainers/ryuk:0.11.0/json", 200);
        c.call("GET", "/images/nosuchimage:1.0/json", 404);
        c.call("GET", "/images/busybox/history", 200);
        c.call("GET", "/images/nosuchimage:1.0/history", 404);
        c.call("POST", "/images/busybox:latest/tag?repo=" + q("example.com/mine/busybox") + "&tag=v1", 201);
        c.call("POST", "/images/nosuchimage:1.0/tag?repo=mine&tag=v1", 404);
        c.call("GET", "/images/search?term=alpine&limit=5", 200);
        c.call("GET", "/distribution/alpine:latest/json", 200);
        c.call("GET", "/distribution/nosuchorg/nosuchimage:1/json", 401);
        c.call("DELETE", "/images/example.com/mine/busybox:v1", 200);
        c.call("DELETE", "/images/nosuchimage:1.0", 404);
        c.call("DELETE", "/images/testcontainers/ryuk:0.11.0", 200);
        c.call("POST", "/images/prune", 200);
        c.call("POST", "/images/prune?filters=" + q("{\"dangling\":[\"false\"]}"), 200);
        c.call("POST", "/images/create?fromImage=busybox&tag=latest", 200);
        c.call("POST", "/images/create?fromImage=alpine:latest", 200);
    }

    private void containers() throws InterruptedException {
        String create = "{\"Image\":\"alpine:latest\",\"Cmd\":[\"sleep\",\"1000\"],\"Labels\":{\"suite\":\"contract\"},"
                + "\"HostConfig\":{\"NetworkMode\":\"bridge\"}}";
        String id = c.json("POST", "/containers/create?name=contract-one", create, 201).json().path("Id").asText();
        c.json("POST", "/containers/create?name=contract-one", create, 409);
        c.json("POST", "/containers/create", "{\"Image\":\"nosuchimage:1.0\"}", 404);
        c.json("POST", "/containers/create", "{}", 400);
        c.json("POST", "/containers/create?name=contract-two", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"1000\"],\"Tty\":true}", 201);
        c.json("POST", "/containers/create?name=contract-bad", "{\"Image\":\"busybox\",\"Cmd\":[\"no-such-binary\"]}", 201);
        c.call("POST", "/containers/contract-bad/start", 400);
        c.call("GET", "/containers/json", 200);
        c.call("GET", "/containers/json?all=1&size=1", 200);
        c.call("GET", "/containers/json?filters=" + q("{\"status\":[\"bogus\"]}"), 400);
        c.call("GET", "/containers/" + id + "/json", 200);
        c.call("GET", "/containers/nosuchcontainer/json", 404);
        c.call("POST", "/containers/" + id + "/wait?condition=next-exit", 200);
        c.call("POST", "/containers/" + id + "/wait?condition=bogus", 400);
        c.call("POST", "/containers/nosuchcontainer/wait", 404);
        c.call("POST", "/containers/contract-one/attach?stream=1&stdout=1&stderr=1", 200);
        c.send("POST", "/containers/contract-two/attach?stream=1&stdin=1&stdout=1", null,
                Headers.of("Connection", "Upgrade", "Upgrade", "tcp"), 200, 101);
        c.call("POST", "/containers/nosuchcontainer/attach?stream=1&stdout=1", 404);
        c.call("POST", "/containers/" + id + "/start", 204);
        c.call("POST", "/containers/" + id + "/start", 304);
        c.call("POST", "/containers/contract-two/start", 204);
        c.call("POST", "/containers/nosuchcontainer/start", 404);
        c.call("GET", "/containers/" + id + "/json?size=1", 200);
        c.call("GET", "/containers/contract-one/top", 200);
        c.call("GET", "/containers/contract-one/top?ps_args=aux", 200);
        c.call("GET", "/containers/nosuchcontainer/top", 404);
        c.call("GET", "/containers/contract-one/stats?stream=false", 200);
        c.call("GET", "/containers/contract-one/stats?stream=false&one-shot=true", 200);
        c.call("GET", "/containers/contract-one/stats", 200);
        c.call("GET", "/containers/nosuchcontainer/stats?stream=false", 404);
        c.call("GET", "/containers/contract-one/logs?stdout=1&stderr=1&timestamps=1", 200);
        c.call("GET", "/containers/contract-two/logs?stdout=1&tail=10", 200);
        c.call("GET", "/containers/contract-one/logs?stdout=1&follow=1", 200);
        c.call("GET", "/containers/nosuchcontainer/logs?stdout=1", 404);
        c.call("POST", "/containers/contract-two/resize?h=40&w=120", 200);
        c.call("POST", "/containers/nosuchcontainer/resize?h=40&w=120", 404);
        c.json("POST", "/containers/contract-one/update", "{\"CpuShares\":512,\"Memory\":314572800}", 200);
        c.json("POST", "/containers/nosuchcontainer/update", "{\"CpuShares\":512}", 404);
        c.call("POST", "/containers/contract-two/rename?name=contract-2", 204);
        c.call("POST", "/containers/contract-2/rename?name=contract-one", 409);
        c.call("POST", "/containers/nosuchcontainer/rename?name=whatever", 404);
        exec(id);
        c.call("POST", "/containers/contract-one/pause", 204);
        c.call("POST", "/containers/contract-one/pause", 409);
        c.call("GET", "/containers/contract-one/json", 200);
        c.json("POST", "/containers/contract-one/exec", "{\"Cmd\":[\"true\"]}", 409);
        c.call("POST", "/containers/contract-one/unpause", 204);
        c.call("POST", "/containers/nosuchcontainer/pause", 404);
        c.call("POST", "/containers/nosuchcontainer/unpause", 404);
        c.call("POST", "/containers/contract-one/restart?t=0", 204);
        c.call("POST", "/containers/nosuchcontainer/restart", 404);
        c.call("POST", "/containers/contract-one/stop?t=0", 204);
        c.call("POST", "/containers/contract-one/stop", 304);
        c.call("POST", "/containers/nosuchcontainer/stop", 404);
        c.call("POST", "/containers/" + id + "/wait", 200);
        c.call("POST", "/containers/contract-one/kill", 409);
        c.call("GET", "/containers/contract-one/top", 409);
        c.call("GET", "/containers/contract-one/logs", 400);
        c.call("GET", "/containers/contract-one/stats?stream=false", 200);
        c.call("DELETE", "/images/alpine:latest", 409);
        c.call("DELETE", "/containers/contract-2", 409);
        c.call("POST", "/containers/contract-2/kill?signal=SIGBOGUS", 400);
        c.call("POST", "/containers/contract-2/kill?signal=SIGKILL", 204);
        c.call("POST", "/containers/nosuchcontainer/kill", 404);
        c.call("DELETE", "/containers/nosuchcontainer", 404);
        c.json("POST", "/containers/create?name=contract-three", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"1000\"]}", 201);
        c.call("POST", "/containers/contract-three/start", 204);
        c.call("DELETE", "/containers/contract-three?force=1&v=1", 204);
        c.call("DELETE", "/containers/contract-bad", 204);
        c.call("POST", "/containers/prune", 200);
        c.call("POST", "/containers/prune?filters=" + q("{\"label\":[\"suite=contract\"]}"), 200);
        c.call("GET", "/containers/json?all=1", 200);
    }

    private void exec(String container) throws InterruptedException {
        String id = c.json("POST", "/containers/" + container + "/exec",
                "{\"Cmd\":[\"echo\",\"hello\"],\"AttachStdout\":true,\"AttachStderr\":true}", 201).json().path("Id").asText();
        c.call("GET", "/exec/" + id + "/json", 200);
        c.json("POST", "/exec/" + id + "/start", "{\"Detach\":true}", 200);
        Thread.sleep(100);
        c.call("GET", "/exec/" + id + "/json", 200);
        c.json("POST", "/exec/" + id + "/start", "{\"Detach\":true}", 409);
        String attached = c.json("POST", "/containers/" + container + "/exec",
                "{\"Cmd\":[\"sleep\",\"1\"],\"AttachStdout\":true,\"Tty\":true}", 201).json().path("Id").asText();
        c.json("POST", "/exec/" + attached + "/start", "{\"Detach\":false,\"Tty\":true}", 200);
        c.call("POST", "/exec/" + id + "/resize?h=40&w=120", 200);
        c.json("POST", "/containers/nosuchcontainer/exec", "{\"Cmd\":[\"true\"]}", 404);
        c.call("GET", "/exec/nosuchexec/json", 404);
        c.json("POST", "/exec/nosuchexec/start", "{\"Detach\":true}", 404);
        c.call("POST", "/exec/nosuchexec/resize?h=40&w=120", 404);
    }

    private void events(long since) {
        long until = Instant.now().getEpochSecond();
        c.call("GET", "/events?since=" + since + "&until=" + until, 200);
        c.call("GET", "/events?since=" + since + "&until=" + until + "&filters=" + q("{\"type\":[\"container\"]}"), 200);
        c.call("GET", "/events?since=" + until + "&until=" + since, 400);
        c.call("GET", "/events", 200);
    }
}
