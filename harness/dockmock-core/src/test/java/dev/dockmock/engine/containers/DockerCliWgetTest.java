package dev.dockmock.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import dev.dockmock.engine.ServedDockerCli;
import dev.dockmock.testing.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code wget} inside containers, through the real docker CLI: nginx's own port answers from
 * inside it (also as a health check), other containers answer by name and alias on a shared
 * user-defined network, and nothing else resolves.
 */
@Timeout(120)
class DockerCliWgetTest extends AlpineDockerCliTest {
    private static final String PAGE = "<html><body><h1>Welcome!</h1></body></html>\n";

    @Test
    void aContainerFetchesFromItsOwnPort() throws Exception {
        ok("run", "-d", "--name", "web", "nginx");

        assertThat(ok("exec", "web", "wget", "-qO-", "http://localhost/").stdout()).isEqualTo(PAGE);
        assertThat(ok("exec", "web", "sh", "-c", "cd /tmp && wget -q http://127.0.0.1:80/ && cat index.html").stdout())
                .isEqualTo(PAGE);
        ServedDockerCli.Result closed = docker.run("exec", "web", "wget", "-q", "--spider", "http://localhost:8080/");
        assertThat(closed.exitCode()).isEqualTo(1);
        assertThat(closed.stderr()).isEqualTo("wget: can't connect to remote host (127.0.0.1): Connection refused\n");
        ServedDockerCli.Result outside = docker.run("exec", "web", "wget", "-q", "http://example.com/");
        assertThat(outside.exitCode()).isEqualTo(1);
        assertThat(outside.stderr()).isEqualTo("wget: bad address 'example.com'\n");
    }

    @Test
    void healthChecksUseWget() throws Exception {
        ok("run", "-d", "--name", "good", "--health-cmd", "wget -q --spider http://localhost:80/ || exit 1",
                "--health-interval", "1s", "nginx");
        ok("run", "-d", "--name", "bad", "--health-cmd", "wget -q --spider http://localhost:81/ || exit 1",
                "--health-interval", "1s", "--health-retries", "1", "nginx");

        Await.until(Duration.ofSeconds(30), () -> health("good").equals("healthy") && health("bad").equals("unhealthy"),
                "good healthy and bad unhealthy");
        assertThat(health("good")).isEqualTo("healthy");
        assertThat(health("bad")).isEqualTo("unhealthy");
    }

    @Test
    void aPortThatNeverAnswersTimesOutAndFailsTheHealthCheck() throws Exception {
        ok("run", "-d", "--name", "db", "--health-cmd", "wget -q http://localhost:5432/", "--health-interval", "1s",
                "--health-timeout", "1s", "--health-retries", "1", "postgres");

        ServedDockerCli.Result timedOut = docker.run("exec", "db", "wget", "-q", "-T", "1", "http://localhost:5432/");
        assertThat(timedOut.exitCode()).isEqualTo(1);
        assertThat(timedOut.stderr()).isEqualTo("wget: download timed out\n");
        Await.until(Duration.ofSeconds(30), () -> health("db").equals("unhealthy"), "db unhealthy");
        assertThat(health("db")).isEqualTo("unhealthy");
    }

    @Test
    void containersOnAUserDefinedNetworkAnswerByNameAndAlias() throws Exception {
        ok("network", "create", "shop");
        ok("run", "-d", "--name", "web", "--network", "shop", "--network-alias", "site", "nginx");

        assertThat(ok("run", "--rm", "--network", "shop", "alpine", "wget", "-qO-", "http://web/").stdout()).isEqualTo(PAGE);
        ServedDockerCli.Result alias = ok("run", "--rm", "--network", "shop", "alpine", "wget", "-O", "-", "http://site:80/");
        assertThat(alias.stdout()).isEqualTo(PAGE);
        assertThat(alias.stderr()).matches("(?s)Connecting to site:80 \\(172\\.\\d+\\.\\d+\\.\\d+:80\\)\nwriting to stdout\n.*");

        assertThat(ok("run", "--rm", "--network", "shop", "alpine", "sh", "-c", "nc -z web 80 && nc -z site 80 || echo no")
                .stdout()).isEmpty();
        assertThat(docker.run("run", "--rm", "--network", "shop", "alpine", "nc", "-z", "web", "81").exitCode()).isEqualTo(1);
        String ip = ok("inspect", "-f", "{{.NetworkSettings.Networks.shop.IPAddress}}", "web").stdout().trim();
        assertThat(ok("run", "--rm", "--network", "shop", "--add-host", "shop.test:" + ip, "alpine", "wget", "-qO-",
                "http://shop.test/").stdout()).isEqualTo(PAGE);
        ServedDockerCli.Result gateway = docker.run("run", "--rm", "--add-host", "gw:host-gateway", "alpine", "wget", "-q",
                "http://gw:8080/");
        assertThat(gateway.stderr()).matches("wget: can't connect to remote host \\(\\d+\\.\\d+\\.\\d+\\.\\d+\\): Connection refused\n");
        ServedDockerCli.Result bridge = docker.run("run", "--rm", "alpine", "wget", "-q", "http://web/");
        assertThat(bridge.exitCode()).isEqualTo(1);
        assertThat(bridge.stderr()).isEqualTo("wget: bad address 'web'\n");
        ok("stop", "web");
        ServedDockerCli.Result stopped = docker.run("run", "--rm", "--network", "shop", "alpine", "wget", "-q", "http://web/");
        assertThat(stopped.stderr()).isEqualTo("wget: bad address 'web'\n");
    }

    private String health(String name) {
        try {
            return docker.run("inspect", "-f", "{{.State.Health.Status}}", name).stdout().trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
