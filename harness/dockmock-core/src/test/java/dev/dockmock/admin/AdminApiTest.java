package dev.dockmock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.Json;
import dev.dockmock.testing.ControlledCliTest;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.RawHttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every admin operation over HTTP, with the docker CLI as the client whose requests it sees and changes. */
@Timeout(60)
class AdminApiTest extends ControlledCliTest {

    private JsonNode json(String method, String path, String body) throws Exception {
        HttpResponse<String> response = dockmock.admin(method, path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private int status(String method, String path, String body) throws Exception {
        return dockmock.admin(method, path, body).statusCode();
    }

    @Test
    void theJournalKeepsEveryClientRequestAndAnswersVerificationQueries() throws Exception {
        assertThat(docker.run("version").exitCode()).isZero();
        try (RawHttpClient raw = RawHttpClient.connect(dockmock.tcp())) {
            raw.exchange(RawHttpClient.request("GET", "/v1.44/containers/json", "User-Agent: tc-java", "x-tc-sid: session-42"));
        }
        JsonNode requests = json("GET", "/_dockmock/journal", null).path("requests");
        assertThat(requests).anySatisfy(r -> {
            assertThat(r.path("path").asText()).isEqualTo("/version");
            assertThat(r.path("status").asInt()).isEqualTo(200);
            assertThat(r.path("userAgent").asText()).startsWith("Docker-Client/");
            assertThat(r.path("durationMillis").asDouble()).isGreaterThanOrEqualTo(0);
        });
        assertThat(requests).anySatisfy(r -> assertThat(r.path("sessionId").asText()).isEqualTo("session-42"));
        assertThat(requests).noneSatisfy(r -> assertThat(r.path("path").asText()).startsWith("/_dockmock"));

        assertThat(json("POST", "/_dockmock/journal/count", "{\"method\": \"GET\", \"path\": \"/version\"}").path("count").asInt())
                .isEqualTo(1);
        JsonNode found = json("POST", "/_dockmock/journal/find", "userAgent: tc-*").path("requests");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("target").asText()).isEqualTo("/v1.44/containers/json");

        assertThat(status("DELETE", "/_dockmock/journal", null)).isEqualTo(204);
        assertThat(json("GET", "/_dockmock/journal", null).path("requests")).isEmpty();
    }

    @Test
    void faultsAreAddedListedRemovedByNameAndCleared() throws Exception {
        JsonNode added = json("POST", "/_dockmock/faults", """
                faults:
                  - name: no-listing
                    match: {method: GET, path: /containers/json}
                    error: {status: 500, message: "the disk is on fire"}
                """);
        assertThat(added.path("added").get(0).asText()).isEqualTo("no-listing");
        DockerCli.Result ps = docker.run("ps");
        assertThat(ps.exitCode()).isEqualTo(1);
        assertThat(ps.stderr()).contains("Error response from daemon: the disk is on fire");
        JsonNode listed = json("GET", "/_dockmock/faults", null).path("faults");
        assertThat(listed.get(0).path("applied").asInt()).isEqualTo(1);
        assertThat(listed.get(0).path("remaining").asText()).isEqualTo("every");

        assertThat(status("DELETE", "/_dockmock/faults/no-listing", null)).isEqualTo(204);
        assertThat(status("DELETE", "/_dockmock/faults/no-listing", null)).isEqualTo(404);
        assertThat(docker.run("ps").exitCode()).isZero();

        json("POST", "/_dockmock/faults", "{\"faults\": [{\"match\": {\"path\": \"/info\"}, \"transport\": \"empty\"}]}");
        assertThat(docker.run("info").exitCode()).isNotZero();
        assertThat(status("DELETE", "/_dockmock/faults", null)).isEqualTo(204);
        assertThat(json("GET", "/_dockmock/faults", null).path("faults")).isEmpty();
        assertThat(docker.run("info").exitCode()).isZero();

        assertThat(status("POST", "/_dockmock/faults", "faults: [{match: {path: /x}, transport: teleport}]")).isEqualTo(400);
    }

    @Test
    void stateShowsTheEngineAndResetStartsAfresh() throws Exception {
        assertThat(docker.run("run", "-d", "--name", "keeper", "alpine", "sleep", "30").exitCode()).isZero();
        JsonNode state = json("GET", "/_dockmock/state", null);
        assertThat(state.path("dispatcher").asText()).isEqualTo("engine");
        assertThat(state.path("containers").get(0).path("name").asText()).isEqualTo("keeper");
        assertThat(state.path("containers").get(0).path("state").asText()).isEqualTo("running");
        assertThat(state.path("images").toString()).contains("alpine:latest");

        assertThat(status("POST", "/_dockmock/reset", null)).isEqualTo(204);
        JsonNode after = json("GET", "/_dockmock/state", null);
        assertThat(after.path("containers")).isEmpty();
        assertThat(after.path("images")).isEmpty();
        assertThat(docker.run("ps", "-aq").stdout()).isEmpty();
    }

    @Test
    void fixturesLoadedOverHttpAreRunByTheEngine() throws Exception {
        assertThat(status("POST", "/_dockmock/fixtures", """
                images:
                  - repository: example/greeter
                    variants:
                      - tags: [latest]
                        cmd: [/greet]
                        behaviour:
                          program: /greet
                          output: ["hello from a fixture\\n"]
                seed: [example/greeter:latest]
                """)).isEqualTo(204);
        assertThat(docker.run("images", "--format", "{{.Repository}}").stdout()).contains("example/greeter");
        DockerCli.Result run = docker.run("run", "--rm", "example/greeter");
        assertThat(run.stdout()).as(run.toString()).isEqualTo("hello from a fixture\n");
    }

    @Test
    void injectedEventsReachAFollowingClient() throws Exception {
        try (RawHttpClient events = RawHttpClient.connect(dockmock.tcp())) {
            events.send(RawHttpClient.request("GET", "/events"));
            assertThat(events.readHead().status()).isEqualTo(200);
            assertThat(status("POST", "/_dockmock/events", """
                    {"Type": "container", "Action": "die", "Actor": {"ID": "abc123", "Attributes": {"name": "ghost", "exitCode": "3"}}}
                    """)).isEqualTo(204);
            String event = new String(events.readChunk(), StandardCharsets.UTF_8);
            assertThat(event).contains("\"Action\":\"die\"").contains("\"name\":\"ghost\"");
        }
        assertThat(status("POST", "/_dockmock/events", "{\"Action\": \"die\"}")).isEqualTo(400);
    }

    @Test
    void swarmNodeFaultsAreNotThereYet() throws Exception {
        assertThat(status("POST", "/_dockmock/nodes/n1/faults", "{}")).isEqualTo(501);
    }
}
