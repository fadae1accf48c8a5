package dev.dockmock.hardening;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client of a mixed Docker workload: a container's whole life (create, start, exec, logs,
 * stop, wait, remove), pulls, listings and pings, each answer checked for the status dockerd
 * gives. Used by the concurrency and soak tests; every call and every wrong answer goes to a
 * {@link LoadTally}.
 */
final class MixedLoad {
    static final String IMAGE = "alpine:latest";
    private static final List<String> PULLS = List.of("busybox:latest", "alpine:3.20", "redis:latest");

    private final DockerHost host;
    private final String prefix;
    private final LoadTally tally;
    private int round;

    MixedLoad(DockerHost host, String prefix, LoadTally tally) {
        this.host = host;
        this.prefix = prefix;
        this.tally = tally;
    }

    /** Runs rounds until {@code deadlineNanos}; each round is one container's life plus side calls. */
    void runUntil(long deadlineNanos) {
        try (ApiCaller api = new ApiCaller(host)) {
            while (System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted()) {
                try {
                    round(api);
                } catch (IOException e) {
                    tally.fail("io", e.toString());
                }
            }
        }
    }

    void round(ApiCaller api) throws IOException {
        String name = prefix + "-" + round++;
        ApiCaller.Reply created = expect(api.post("/v1.50/containers/create?name=" + name,
                "{\"Image\":\"" + IMAGE + "\",\"Cmd\":[\"sh\",\"-c\",\"echo started; sleep 60\"]}"), 201, "create");
        String id = created.json().path("Id").asText();
        if (id.isEmpty()) {
            return;
        }
        tally.created(id);
        expect(api.post("/v1.50/containers/" + id + "/start"), 204, "start");
        switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0 -> exec(api, id);
            case 1 -> expect(api.post("/v1.50/images/create?fromImage=" + pick(PULLS)), 200, "pull");
            case 2 -> expect(api.get("/v1.50/containers/json?all=1"), 200, "list");
            default -> expect(api.call("HEAD", "/_ping", null), 200, "ping");
        }
        expect(api.get("/v1.50/containers/" + id + "/logs?stdout=1"), 200, "logs");
        expect(api.post("/v1.50/containers/" + id + "/stop?t=0"), 204, "stop");
        expect(api.post("/v1.50/containers/" + id + "/wait"), 200, "wait");
        expect(api.delete("/v1.50/containers/" + id), 204, "remove");
        tally.removed(id);
    }

    /** An exec whose output comes back on a connection of its own, as docker-java reads it (200, ended by close). */
    private void exec(ApiCaller api, String id) throws IOException {
        ApiCaller.Reply made = expect(api.post("/v1.50/containers/" + id + "/exec",
                "{\"Cmd\":[\"echo\",\"exec-out\"],\"AttachStdout\":true}"), 201, "exec-create");
        String execId = made.json().path("Id").asText();
        try (RawHttpClient stream = RawHttpClient.connect(host, Duration.ofSeconds(30))) {
            String body = "{\"Detach\":false,\"Tty\":false}";
            RawResponse response = stream.exchange(RawHttpClient.request("POST", "/v1.50/exec/" + execId + "/start",
                    "Content-Type: application/json", "Content-Length: " + body.length()) + body);
            tally.count("exec-start");
            if (response.status() != 200 || !response.bodyText().contains("exec-out")) {
                tally.fail("exec-start", response.status() + " " + response.bodyText());
            }
        }
    }

    private ApiCaller.Reply expect(ApiCaller.Reply reply, int status, String operation) {
        tally.count(operation);
        if (reply.status() != status) {
            tally.fail(operation, reply.status() + " " + reply.text());
        }
        return reply;
    }

    private static String pick(List<String> choices) {
        return choices.get(ThreadLocalRandom.current().nextInt(choices.size()));
    }
}
