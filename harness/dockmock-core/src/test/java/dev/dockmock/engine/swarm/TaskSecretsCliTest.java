package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.EngineServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets and configs mounted into task containers, seen through the docker CLI 28: what the
 * task's process reads (data, owner and mode), and that the mounted files are no change of the
 * container's in {@code docker diff}.
 */
@Timeout(120)
class TaskSecretsCliTest {
    private static EngineServer server;
    @TempDir
    static Path home;
    private static DockerCli docker;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        server = EngineServer.start(EngineConfig.defaults().withSeedImages(List.of("alpine:latest")));
        docker = server.cli(home);
        docker.ok("swarm", "init", "--advertise-addr", "127.0.0.1");
        assertThat(docker.stdin("s3cr3t").run("secret", "create", "db_password", "-").exitCode()).isZero();
        assertThat(docker.stdin("port: 80\n").run("config", "create", "app.yaml", "-").exitCode()).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTaskReadsItsSecretsAndConfigsWhereTheyAreMounted() throws Exception {
        docker.ok("service", "create", "--name", "reader", "--mode", "replicated-job",
                "--secret", "db_password", "--secret", "source=db_password,target=pw,uid=100,gid=101,mode=0400",
                "--config", "app.yaml", "--config", "source=app.yaml,target=/etc/app/config.yaml",
                "alpine", "sh", "-c", "cat /run/secrets/db_password; echo; ls -ln /run/secrets/pw /app.yaml; cat /etc/app/config.yaml");
        List<String> logs = docker.ok("service", "logs", "--raw", "reader").stdout().lines().toList();
        assertThat(logs).contains("s3cr3t", "port: 80");
        assertThat(logs).anyMatch(l -> l.matches("-r-------- +1 100 +101 +6 .* /run/secrets/pw"))
                .anyMatch(l -> l.matches("-r--r--r-- +1 0 +0 +9 .* /app\\.yaml"));
        String container = docker.ok("ps", "-aq", "--filter", "label=com.docker.swarm.service.name=reader").stdout().trim();
        assertThat(container).isNotEmpty();
        assertThat(docker.ok("diff", container).stdout()).doesNotContain("secrets").doesNotContain("app");
    }

    @Test
    void theMountedFilesAreReadOnly() throws Exception {
        docker.ok("service", "create", "--detach", "--name", "writer", "--mode", "replicated-job", "--restart-condition", "none",
                "--secret", "db_password", "alpine", "sh", "-c", "echo x > /run/secrets/db_password");
        Await.until(Duration.ofSeconds(10), () -> ps("writer").startsWith("Failed"), "the task to fail");
        assertThat(docker.ok("service", "logs", "--raw", "writer").stderr())
                .isEqualTo("sh: can't create /run/secrets/db_password: Read-only file system\n");
    }

    @Test
    void aServiceWithoutTheSecretHasNoSuchFile() throws Exception {
        docker.ok("service", "create", "--detach", "--name", "stranger", "--mode", "replicated-job", "--restart-condition", "none",
                "alpine", "cat", "/run/secrets/db_password");
        Await.until(Duration.ofSeconds(10), () -> ps("stranger").startsWith("Failed"), "the task to fail");
        // the task's stderr comes out on the CLI's
        Result logs = docker.ok("service", "logs", "--raw", "stranger");
        assertThat(logs.stderr()).isEqualTo("cat: can't open '/run/secrets/db_password': No such file or directory\n");
        assertThat(logs.stdout()).isEmpty();
    }

    private static String ps(String service) {
        try {
            return docker.ok("service", "ps", "--format", "{{.CurrentState}}", service).stdout();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
