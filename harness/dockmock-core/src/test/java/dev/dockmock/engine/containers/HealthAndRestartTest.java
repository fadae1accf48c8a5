package dev.dockmock.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.EngineClient;
import dev.dockmock.engine.events.DockerEvent;
import dev.dockmock.testing.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Health checks and restart policies, with dockerd's timings scaled down a hundredfold. */
@Timeout(60)
class HealthAndRestartTest {
    private final EngineClient docker = new EngineClient();

    @AfterEach
    void close() {
        docker.close();
    }

    private String status(String id, String pointer) {
        return docker.get("/v1.50/containers/" + id + "/json").json().at(pointer).asText();
    }

    private List<String> actions(String id) {
        return docker.events("container").stream().filter(e -> e.actorId().equals(id)).map(DockerEvent::action).toList();
    }

    @Test
    void aPassingHealthCheckTurnsHealthy() throws Exception {
        String id = docker.run("healthy", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],"
                + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"],\"Interval\":1000000000}}");
        assertThat(status(id, "/State/Health/Status")).isEqualTo("starting");
        Await.until(Duration.ofSeconds(10), () -> status(id, "/State/Health/Status").equals("healthy"), "condition");
        assertThat(actions(id)).contains("health_status: healthy");
        assertThat(docker.get("/v1.50/containers/json?filters=%7B%22health%22%3A%5B%22healthy%22%5D%7D").json()).hasSize(1);
    }

    @Test
    void aFailingHealthCheckTurnsUnhealthyAfterItsRetries() throws Exception {
        String id = docker.run("sick", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],"
                + "\"Healthcheck\":{\"Test\":[\"CMD\",\"false\"],\"Interval\":1000000000,\"Retries\":2}}");
        Await.until(Duration.ofSeconds(10), () -> status(id, "/State/Health/Status").equals("unhealthy"), "condition");
        assertThat(actions(id)).contains("health_status: unhealthy").doesNotContain("health_status: healthy");
    }

    @Test
    void aCheckSeesTheContainersFilesAsTheContainersUser() throws Exception {
        String check = "test -f /tmp/ready && [ \\\"$(id -u)\\\" = 65534 ] && [ \\\"$HOME\\\" = /nonexistent ]";
        String id = docker.run("ready", "{\"Image\":\"alpine\",\"User\":\"nobody\",\"Cmd\":[\"sh\",\"-c\",\"touch /tmp/ready; sleep 100\"],"
                + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"" + check + "\"],\"Interval\":1000000000,\"Retries\":100}}");
        Await.until(Duration.ofSeconds(10), () -> status(id, "/State/Health/Status").equals("healthy"), "condition");
        assertThat(actions(id)).contains("health_status: healthy").doesNotContain("health_status: unhealthy");
    }

    @Test
    void inspectKeepsTheLastFiveProbesAndTheFailingStreak() throws Exception {
        String id = docker.run("logged", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],"
                + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"echo bad >&2; exit 1\"],\"Interval\":1000000000,\"Retries\":2}}");
        // as dockerd 20.10 showed after seven probes: unhealthy, FailingStreak 7, five entries of "bad\n" with exit 1
        Await.until(Duration.ofSeconds(10),
                () -> docker.get("/v1.50/containers/" + id + "/json").json().at("/State/Health/FailingStreak").asInt() >= 7, "condition");
        com.fasterxml.jackson.databind.JsonNode health = docker.get("/v1.50/containers/" + id + "/json").json().at("/State/Health");
        assertThat(health.path("Status").asText()).isEqualTo("unhealthy");
        assertThat(health.path("Log")).hasSize(5);
        for (com.fasterxml.jackson.databind.JsonNode probe : health.path("Log")) {
            assertThat(probe.path("ExitCode").asInt()).isEqualTo(1);
            assertThat(probe.path("Output").asText()).isEqualTo("bad\n");
            assertThat(java.time.Instant.parse(probe.path("End").asText())).isAfterOrEqualTo(java.time.Instant.parse(probe.path("Start").asText()));
        }

        String ok = docker.run("fine", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],"
                + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"echo ok\"],\"Interval\":1000000000}}");
        Await.until(Duration.ofSeconds(10), () -> status(ok, "/State/Health/Status").equals("healthy"), "condition");
        com.fasterxml.jackson.databind.JsonNode fine = docker.get("/v1.50/containers/" + ok + "/json").json().at("/State/Health");
        assertThat(fine.path("FailingStreak").asInt()).isZero();
        assertThat(fine.path("Log").get(0).path("Output").asText()).isEqualTo("ok\n");
        assertThat(fine.path("Log").get(0).path("ExitCode").asInt()).isZero();
    }

    @Test
    void failuresWithinTheStartPeriodDoNotCount() throws Exception {
        // Interval 1 s and StartPeriod 300 s, scaled a hundredfold: probes every 10 ms, failures
        // not counted for 3 s, while the file appears after a real second
        String id = docker.run("slow-start", "{\"Image\":\"alpine\",\"Cmd\":[\"sh\",\"-c\",\"sleep 1; touch /tmp/ready; sleep 100\"],"
                + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"test -f /tmp/ready\"],\"Interval\":1000000000,\"Retries\":2,"
                + "\"StartPeriod\":300000000000,\"StartInterval\":1000000000}}");
        Await.until(Duration.ofSeconds(10), () -> status(id, "/State/Health/Status").equals("healthy"), "condition");
        assertThat(actions(id)).contains("health_status: healthy").doesNotContain("health_status: unhealthy");
        assertThat(status(id, "/State/Health/FailingStreak")).isEqualTo("0");
    }

    @Test
    void onFailureRestartsUpToItsRetryCount() throws Exception {
        String id = docker.run("flaky", "{\"Image\":\"alpine\",\"Cmd\":[\"sh\",\"-c\",\"exit 2\"],"
                + "\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"on-failure\",\"MaximumRetryCount\":2}}}");
        Await.until(Duration.ofSeconds(10), () -> actions(id).stream().filter(a -> a.equals("die")).count() == 3, "condition");
        Thread.sleep(200);
        assertThat(actions(id).stream().filter(a -> a.equals("start")).count()).isEqualTo(3);
        assertThat(status(id, "/RestartCount")).isEqualTo("2");
        assertThat(status(id, "/State/ExitCode")).isEqualTo("2");
    }

    @Test
    void alwaysRestartsUntilStoppedByTheUser() throws Exception {
        String id = docker.run("phoenix", "{\"Image\":\"alpine\",\"Cmd\":[\"true\"],"
                + "\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"always\"}}}");
        Await.until(Duration.ofSeconds(10), () -> actions(id).stream().filter(a -> a.equals("start")).count() >= 3, "condition");
        assertThat(docker.post("/v1.50/containers/" + id + "/stop?t=0").status()).isIn(204, 304);
        long starts = actions(id).stream().filter(a -> a.equals("start")).count();
        Thread.sleep(300);
        assertThat(actions(id).stream().filter(a -> a.equals("start")).count()).isEqualTo(starts);
    }

    @Test
    void anOomKillExitsWith137AndSaysSo() throws Exception {
        String id = docker.run("hog", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"]}");
        docker.engine().lifecycle().oomKill(id);
        Await.until(Duration.ofSeconds(10), () -> status(id, "/State/Status").equals("exited"), "condition");
        assertThat(status(id, "/State/ExitCode")).isEqualTo("137");
        assertThat(status(id, "/State/OOMKilled")).isEqualTo("true");
        List<String> actions = actions(id);
        assertThat(actions.subList(actions.indexOf("oom"), actions.size())).startsWith("oom", "die");
    }
}
