package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.EngineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker stack deploy} of a compose file against the fake swarm: overlay network, secret, services, then removal. */
@Timeout(120)
class StackCliTest {
    private static EngineServer server;
    @TempDir
    static Path home;
    private static DockerCli docker;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        server = EngineServer.start(EngineConfig.defaults());
        docker = server.cli(home);
        docker.ok("swarm", "init");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String out(String... args) {
        try {
            return docker.ok(args).stdout();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aStackDeploysRunsAndGoes() throws Exception {
        Path dir = Files.createDirectories(home.resolve("stack"));
        Files.writeString(dir.resolve("token.txt"), "s3cr3t");
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx
                    ports: ["8080:80"]
                    deploy:
                      replicas: 2
                    secrets: [token]
                  cache:
                    image: redis
                secrets:
                  token:
                    file: ./token.txt
                """);
        Result deploy = docker.ok("stack", "deploy", "-c", dir.resolve("compose.yaml").toString(), "app");
        assertThat(deploy.stdout()).contains("Creating network app_default", "Creating secret app_token", "Creating service app_web",
                "Creating service app_cache");
        assertThat(out("network", "ls", "--filter", "label=com.docker.stack.namespace=app", "--format", "{{.Name}} {{.Driver}} {{.Scope}}"))
                .isEqualTo("app_default overlay swarm\n");
        assertThat(out("stack", "ls", "--format", "{{.Name}} {{.Services}}")).isEqualTo("app 2\n");
        Await.until(Duration.ofSeconds(20), () -> out("stack", "services", "--format", "{{.Name}} {{.Replicas}}", "app")
                .lines().sorted().toList().equals(List.of("app_cache 1/1", "app_web 2/2")), "the stack's services to run");
        assertThat(out("stack", "services", "--format", "{{.Name}} {{.Ports}}", "app")).contains("app_web *:8080->80/tcp");
        assertThat(out("stack", "ps", "--filter", "desired-state=running", "--format", "{{.Name}} {{.CurrentState}}", "app").lines())
                .hasSize(3).allMatch(l -> l.matches("app_(web\\.[12]|cache\\.1) Running .*"));
        String web = out("ps", "-q", "--filter", "label=com.docker.swarm.service.name=app_web").lines().findFirst().orElseThrow();
        assertThat(out("inspect", "--format", "{{range $name, $n := .NetworkSettings.Networks}}{{$name}} {{$n.Aliases}}{{end}}", web))
                .startsWith("app_default ");

        Result rm = docker.ok("stack", "rm", "app");
        assertThat(rm.stdout()).contains("Removing service app_web", "Removing service app_cache", "Removing secret app_token",
                "Removing network app_default");
        Await.until(Duration.ofSeconds(20), () -> out("ps", "-aq").isEmpty(), "the stack's containers to go");
        assertThat(out("stack", "ls", "--format", "{{.Name}}")).isEmpty();
        assertThat(out("network", "ls", "--format", "{{.Name}}")).doesNotContain("app_default").contains("ingress");
    }
}
