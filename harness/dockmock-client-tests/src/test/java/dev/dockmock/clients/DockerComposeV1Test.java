package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.clients.scripted.ServedEngine;
import dev.dockmock.testing.DockerCli;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose v1 ({@code docker-compose} 1.29, Debian's, which drives docker-py 5) brings a stack up
 * against dockmock, waits for a health check, runs a job that reaches the other services by name
 * and alias, serves a published port, and takes everything down again. Skips where
 * {@code docker-compose} is not on the PATH ({@code .ci/run} installs it).
 */
@Timeout(240)
class DockerComposeV1Test {
    private ServedEngine served;
    private DockerCli docker;
    @TempDir
    Path project;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(onPath("docker-compose"), "docker-compose (v1) is not on the PATH");
        served = ServedEngine.start();
        docker = DockerCli.withHome(project.resolve("home"), java.time.Duration.ofSeconds(30)).host(served.host("unix"));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("clients/compose/docker-compose.yml")) {
            Files.write(project.resolve("docker-compose.yml"), in.readAllBytes());
        }
    }

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void aStackComesUpAnswersAndGoesDown() throws Exception {
        int port = freePort();
        Result up = compose(port, "up", "-d");
        assertThat(up.exit()).as(up.output()).isZero();
        assertThat(up.output()).contains("Creating st_db_1 ... done", "Creating st_web_1 ... done", "Creating st_job_1 ... done");

        Result ps = compose(port, "ps");
        assertThat(ps.output()).containsPattern("st_db_1 .* Up \\(healthy\\)").containsPattern("st_web_1 .* Up ")
                .contains("127.0.0.1:" + port + "->80/tcp");
        assertThat(get("http://127.0.0.1:" + port + "/")).isEqualTo("<html><body><h1>Welcome!</h1></body></html>\n");

        awaitExited("st_job_1");
        Result logs = compose(port, "logs", "--no-color", "job", "db");
        assertThat(logs.output()).contains("<h1>Welcome!</h1>", "Connection refused", "job done", "db ready");
        Result exec = compose(port, "exec", "-T", "db", "sh", "-c", "cat /data/role; echo $ROLE");
        assertThat(exec.output()).isEqualTo("primary\nprimary\n");

        Result down = compose(port, "down", "-v");
        assertThat(down.exit()).as(down.output()).isZero();
        assertThat(down.output()).contains("Removing network st_back", "Removing volume st_dbdata");
        assertThat(docker.run("ps", "-aq").stdout()).isEmpty();
        assertThat(docker.run("volume", "ls", "-q").stdout()).isEmpty();
    }

    private void awaitExited(String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!docker.run("inspect", "-f", "{{.State.Status}}", name).stdout().strip().equals("exited")) {
            assertThat(System.nanoTime()).as(name + " still running").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private Result compose(int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--ansi", "never", "-p", "st"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("DOCKER_HOST", served.host("unix"));
        builder.environment().put("WEB_PORT", Integer.toString(port));
        builder.environment().put("COMPOSE_INTERACTIVE_NO_CLI", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("docker-compose " + String.join(" ", args)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(5_000);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private record Result(int exit, String output) {
    }
}
