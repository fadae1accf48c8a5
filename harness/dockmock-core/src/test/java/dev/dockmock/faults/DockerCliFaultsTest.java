package dev.dockmock.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.testing.ControlledCliTest;
import dev.dockmock.testing.DockerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The docker CLI shows each injected failure as it shows the real one. */
@Timeout(60)
class DockerCliFaultsTest extends ControlledCliTest {

    @Test
    void aPullFailsAfterProgressWithTheDaemonsError() throws Exception {
        dockmock.faults("""
                engine:
                  pulls:
                    - image: alpine:3.20
                      error: "failed to register layer: unexpected EOF"
                """);
        DockerCli.Result pull = docker.run("pull", "alpine:3.20");
        assertThat(pull.exitCode()).as(pull.toString()).isEqualTo(1);
        assertThat(pull.stdout()).contains("3.20: Pulling from library/alpine").contains("Pulling fs layer");
        assertThat(pull.stderr()).contains("failed to register layer: unexpected EOF");
        assertThat(docker.run("images", "-q", "alpine:3.20").stdout()).isEmpty();
    }

    @Test
    void anOomKilledContainerExits137AndInspectSaysSo() throws Exception {
        dockmock.faults("""
                engine:
                  containers:
                    - target: hungry
                      oom: true
                      after: 300ms
                """);
        long since = System.currentTimeMillis() / 1000 - 1;
        DockerCli.Result run = docker.run("run", "--name", "hungry", "alpine", "sleep", "30");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(137);
        assertThat(docker.run("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", "hungry").stdout().trim())
                .isEqualTo("true 137");
        DockerCli.Result events = docker.run("events", "--since", String.valueOf(since), "--until",
                String.valueOf(System.currentTimeMillis() / 1000 + 1), "--filter", "container=hungry",
                "--format", "{{.Action}}");
        assertThat(events.stdout()).containsSubsequence("start", "oom", "die");
    }

    @Test
    void createAnswers409OnceWithTheGivenMessage() throws Exception {
        docker.run("pull", "alpine");
        dockmock.faults("""
                faults:
                  - match: {method: POST, path: /containers/create, query: {name: web}, userAgent: "Docker-Client/*"}
                    times: 1
                    error:
                      status: 409
                      message: 'Conflict. The container name "/web" is already in use by container "0123456789ab".'
                """);
        DockerCli.Result refused = docker.run("run", "--name", "web", "alpine", "true");
        assertThat(refused.exitCode()).isEqualTo(125);
        assertThat(refused.stderr()).contains("docker: Error response from daemon: Conflict. The container name \"/web\" is already in use");
        DockerCli.Result accepted = docker.run("run", "--name", "web", "alpine", "true");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
    }

    @Test
    void logsFollowShowsTheDroppedConnection() throws Exception {
        docker.run("run", "-d", "--name", "ticker", "alpine", "sh", "-c", "while true; do echo tick; sleep 0.05; done");
        dockmock.faults("""
                faults:
                  - match: {method: GET, path: "/containers/{id}/logs", query: {follow: "1"}}
                    transport: {type: close-mid-stream, after: 400ms}
                """);
        DockerCli.Result logs = docker.run("logs", "-f", "ticker");
        assertThat(logs.timedOut()).isFalse();
        assertThat(logs.stdout()).contains("tick");
        assertThat(logs.exitCode()).as(logs.toString()).isNotZero();
        assertThat(logs.stderr()).containsIgnoringCase("unexpected EOF");
    }

    @Test
    void aContainerExitsWithTheGivenCodeAtTheGivenTime() throws Exception {
        dockmock.faults("engine: {containers: [{target: alpine, exit: 3, after: 200ms}]}");
        long start = System.nanoTime();
        DockerCli.Result run = docker.run("run", "--rm", "alpine", "sleep", "30");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
    }

    @Test
    void healthFlapsWithDockerdsEvents() throws Exception {
        dockmock.faults("engine: {containers: [{target: flappy, flapHealth: 100ms}]}");
        long since = System.currentTimeMillis() / 1000 - 1;
        assertThat(docker.run("run", "-d", "--name", "flappy", "alpine", "sleep", "30").exitCode()).isZero();
        dev.dockmock.testing.Await.until(java.time.Duration.ofSeconds(10), () -> dockmock.control().engine().context().events()
                .history(e -> e.action().equals("health_status: unhealthy")).size() >= 2, "two unhealthy turns");
        DockerCli.Result events = docker.run("events", "--since", String.valueOf(since), "--until",
                String.valueOf(System.currentTimeMillis() / 1000 + 1), "--filter", "event=health_status", "--format", "{{.Action}}");
        assertThat(events.stdout()).containsSubsequence("health_status: healthy", "health_status: unhealthy",
                "health_status: healthy", "health_status: unhealthy");
        assertThat(docker.run("inspect", "-f", "{{.State.Health.Status}}", "flappy").stdout().trim()).isIn("healthy", "unhealthy");
    }

    @Test
    void aSlowPullTakesItsTime() throws Exception {
        dockmock.faults("engine: {pulls: [{image: busybox, step: 40ms}]}");
        long start = System.nanoTime();
        DockerCli.Result pull = docker.run("pull", "busybox");
        assertThat(pull.exitCode()).as(pull.toString()).isZero();
        // a layer takes eight steps: four downloading, four extracting
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(320_000_000L);
    }
}
