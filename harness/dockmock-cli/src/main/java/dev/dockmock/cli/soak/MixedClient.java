package dev.dockmock.cli.soak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.Json;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client of the soak's mixed Docker workload, on a keep-alive connection as docker-java
 * keeps one: each round is a container's whole life (create, start, one of exec / pull / list /
 * ping, logs, stop, wait, remove), each answer checked for the status dockerd gives. Every call
 * and every wrong answer goes to the {@link SoakTally}.
 */
final class MixedClient {
    /** The image every container runs; the soak's engine is seeded with it. */
    static final String IMAGE = "alpine:latest";
    private static final List<String> PULLS = List.of("busybox:latest", "alpine:3.20", "redis:latest");

    private final DockerHost host;
    private final String prefix;
    private final SoakTally tally;
    private long round;

    MixedClient(DockerHost host, String prefix, SoakTally tally) {
        this.host = host;
        this.prefix = prefix;
        this.tally = tally;
    }

    /** Runs rounds until {@code deadlineNanos} (of {@link System#nanoTime()}) or an interrupt. */
    void runUntil(long deadlineNanos) {
        try (SoakHttp api = new SoakHttp(host)) {
            while (System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted()) {
                try {
                    round(api);
                } catch (IOException | RuntimeException e) {
                    tally.fail("io", e.toString());
                }
            }
        }
    }

    private void round(SoakHttp api) throws IOException {
        String name = prefix + "-" + round++;
        SoakHttp.Reply created = expect(api.call("POST", "/v1.50/containers/create?name=" + name,
                "{\"Image\":\"" + IMAGE + "\",\"Cmd\":[\"sh\",\"-c\",\"echo started; sleep 60\"]}"), 201, "create");
        String id = json(created).path("Id").asText();
        if (id.isEmpty()) {
            return;
        }
        tally.created();
        expect(api.call("POST", "/v1.50/containers/" + id + "/start", null), 204, "start");
        switch (ThreadLocalRandom.current().nextInt(4)) {
            case 0 -> exec(api, id);
            case 1 -> expect(api.call("POST", "/v1.50/images/create?fromImage=" + pick(PULLS), null), 200, "pull");
            case 2 -> expect(api.call("GET", "/v1.50/containers/json?all=1", null), 200, "list");
            default -> expect(api.call("HEAD", "/_ping", null), 200, "ping");
        }
        expect(api.call("GET", "/v1.50/containers/" + id + "/logs?stdout=1", null), 200, "logs");
        expect(api.call("POST", "/v1.50/containers/" + id + "/stop?t=0", null), 204, "stop");
        expect(api.call("POST", "/v1.50/containers/" + id + "/wait", null), 200, "wait");
        expect(api.call("DELETE", "/v1.50/containers/" + id, null), 204, "remove");
        tally.removed();
    }

    /** An exec whose output comes back on a connection of its own, as docker-java reads it (200, ended by close). */
    private void exec(SoakHttp api, String id) throws IOException {
        SoakHttp.Reply made = expect(api.call("POST", "/v1.50/containers/" + id + "/exec",
                "{\"Cmd\":[\"echo\",\"exec-out\"],\"AttachStdout\":true}"), 201, "exec-create");
        String execId = json(made).path("Id").asText();
        try (SoakHttp stream = new SoakHttp(host)) {
            SoakHttp.Reply output = stream.call("POST", "/v1.50/exec/" + execId + "/start", "{\"Detach\":false,\"Tty\":false}");
            tally.count("exec-start");
            if (output.status() != 200 || !output.body().contains("exec-out")) {
                tally.fail("exec-start", output.status() + " " + output.body());
            }
        }
    }

    private SoakHttp.Reply expect(SoakHttp.Reply reply, int status, String operation) {
        tally.count(operation);
        if (reply.status() != status) {
            tally.fail(operation, reply.status() + " " + reply.body());
        }
        return reply;
    }

    private static JsonNode json(SoakHttp.Reply reply) {
        try {
            return reply.body().isEmpty() ? Json.mapper().missingNode() : Json.mapper().readTree(reply.body());
        } catch (IOException e) {
            return Json.mapper().missingNode();
        }
    }

    private static String pick(List<String> choices) {
        return choices.get(ThreadLocalRandom.current().nextInt(choices.size()));
    }
}
