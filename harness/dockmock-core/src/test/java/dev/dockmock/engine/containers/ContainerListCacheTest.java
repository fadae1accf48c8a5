package dev.dockmock.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineClient;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.testing.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cached {@code GET /containers/json} answer follows every kind of state change: after each
 * change the same request (whose answer was cached just before) shows the change, and answers
 * the same bytes as a request target never asked before (so built afresh).
 */
@Timeout(60)
class ContainerListCacheTest {
    private static final String LIST = "/v1.50/containers/json?all=1";
    private final EngineClient docker = new EngineClient();
    private final AtomicInteger fresh = new AtomicInteger();

    @AfterEach
    void close() {
        docker.close();
    }

    @Test
    void everyKindOfChangeShowsInTheNextList() throws Exception {
        assertThat(current()).isEqualTo("[]");

        String id = docker.post("/v1.50/containers/create?name=first", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"300\"]}")
                .json().path("Id").asText();
        assertThat(entry(current()).path("State").asText()).isEqualTo("created");

        assertThat(docker.post("/v1.50/containers/first/start").status()).isEqualTo(204);
        assertThat(entry(current()).path("State").asText()).isEqualTo("running");

        assertThat(docker.post("/v1.50/containers/first/pause").status()).isEqualTo(204);
        assertThat(entry(current()).path("State").asText()).isEqualTo("paused");
        assertThat(docker.post("/v1.50/containers/first/unpause").status()).isEqualTo(204);
        assertThat(entry(current()).path("State").asText()).isEqualTo("running");

        assertThat(docker.post("/v1.50/containers/first/rename?name=second").status()).isEqualTo(204);
        assertThat(entry(current()).path("Names").get(0).asText()).isEqualTo("/second");

        assertThat(docker.post("/v1.50/containers/second/stop?t=0").status()).isEqualTo(204);
        assertThat(entry(current()).path("State").asText()).isEqualTo("exited");

        assertThat(docker.delete("/v1.50/containers/" + id).status()).isEqualTo(204);
        assertThat(current()).isEqualTo("[]");
    }

    @Test
    void anUpdateThatNoListFieldShowsStillChangesTheStateVersion() {
        docker.post("/v1.50/containers/create?name=upd", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"300\"]}");
        current();
        long before = ContainerList.version(docker.engine().context(), docker.engine().containers());
        assertThat(docker.post("/v1.50/containers/upd/update", "{\"RestartPolicy\":{\"Name\":\"always\"}}").status()).isEqualTo(200);
        assertThat(ContainerList.version(docker.engine().context(), docker.engine().containers())).isGreaterThan(before);
        current();
    }

    @Test
    void aHealthChangeShowsInTheNextList() throws Exception {
        docker.post("/v1.50/containers/create?name=health", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"300\"],"
                + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":1000000000}}");
        docker.post("/v1.50/containers/health/start");
        awaitList(status -> status.contains("(healthy)"));
    }

    @Test
    void anExitOfTheProcessShowsInTheNextList() throws Exception {
        docker.post("/v1.50/containers/create?name=ends", "{\"Image\":\"alpine\",\"Cmd\":[\"sh\",\"-c\",\"exit 3\"]}");
        docker.post("/v1.50/containers/ends/start");
        awaitList(status -> status.startsWith("Exited (3)"));
    }

    @Test
    void aTagMovedToTheContainersImageShowsInAnAncestorFilter() {
        docker.post("/v1.50/containers/create?name=tagged", "{\"Image\":\"redis\",\"Cmd\":[\"sleep\",\"300\"]}");
        String byAncestor = "/v1.50/containers/json?all=1&filters=%7B%22ancestor%22%3A%5B%22mine%22%5D%7D";
        assertThat(docker.post("/v1.50/images/alpine/tag?repo=mine&tag=latest").status()).isEqualTo(201);
        assertThat(current(byAncestor)).isEqualTo("[]");
        assertThat(docker.post("/v1.50/images/redis/tag?repo=mine&tag=latest").status()).isEqualTo(201);
        assertThat(entry(current(byAncestor)).path("Names").get(0).asText()).isEqualTo("/tagged");
    }

    /** Waits, listing with the same (cached) target, until the only entry's Status passes. */
    private void awaitList(Predicate<String> status) throws InterruptedException {
        Await.until(Duration.ofSeconds(10), () -> status.test(entry(current()).path("Status").asText()), "status");
    }

    /**
     * The list as the cached target answers it, checked against a target never asked before.
     * The two may straddle a second boundary of a Status text, so a differing pair is asked again.
     */
    private String current() {
        return current(LIST);
    }

    private String current(String target) {
        String cached = "";
        String built = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            cached = text(docker.raw("GET", target, null, Headers.empty()));
            built = text(docker.raw("GET", target + "&fresh=" + fresh.incrementAndGet(), null, Headers.empty()));
            if (cached.equals(built)) {
                return cached;
            }
        }
        assertThat(cached).as("cached list against a fresh one").isEqualTo(built);
        return cached;
    }

    private static JsonNode entry(String list) {
        JsonNode parsed = dev.dockmock.protocol.Json.parse(list.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).hasSize(1);
        return parsed.get(0);
    }

    private static String text(ApiResponse response) {
        assertThat(response.status()).isEqualTo(200);
        return new String(((ResponseBody.Bytes) response.body()).data(), StandardCharsets.UTF_8);
    }
}
