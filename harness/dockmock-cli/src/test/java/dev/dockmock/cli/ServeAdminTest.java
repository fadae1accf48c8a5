package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.testing.DockerCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockmock serve --admin --admin-host --faults}: the example fault file and the README's curl commands. */
@Timeout(120)
class ServeAdminTest {
    @TempDir
    Path home;

    @Test
    void helpAndWrongFaultFiles() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"serve", "--help"}, o, e)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--admin", "--admin-host HOST", "--faults FILE");
        assertThat(Main.run(new String[] {"serve", "--no-fixtures", "--faults", home.resolve("none.yaml").toString()}, o, e)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no fault file");
    }

    @Test
    void servesTheExampleFaultsAndTheAdminApiOverUnixAndItsOwnHost() throws Exception {
        assumeTrue(DockerCli.available(), "docker CLI not installed");
        Path faults = Path.of(System.getProperty("user.dir")).resolve("../../fixtures/faults/example.yaml").normalize();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dma");
        dir.toFile().deleteOnExit();
        Path socket = dir.resolve("d.sock");
        Path adminSocket = dir.resolve("a.sock");
        Process serve = ChildDockmock.command("serve", "--no-fixtures", "--admin", "--admin-host", "unix://" + adminSocket,
                "--faults", faults.toString(), "-H", "unix://" + socket).start();
        try {
            String output = String.join("\n", ChildDockmock.readUntil(serve, "Press Ctrl-C"));
            assertThat(output).contains("Admin API on the same listeners", "Admin API on unix://" + adminSocket,
                    "Faults applied: 3 request rules, 2 pull and 2 container faults");
            DockerCli docker = DockerCli.withHome(home, Duration.ofSeconds(30)).host("unix://" + socket);
            DockerCli.Result refused = docker.run("run", "--name", "web", "alpine", "true");
            assertThat(refused.stderr()).as(refused.toString()).contains("Conflict. The container name \"/web\" is already in use");
            DockerCli.Result pull = docker.run("pull", "redis");
            assertThat(pull.stderr()).contains("failed to register layer: unexpected EOF");

            String state = curl("--unix-socket", socket.toString(), "http://d/_dockmock/state");
            assertThat(state).contains("\"dispatcher\":\"engine\"", "web-name-taken");
            String count = curl("--unix-socket", adminSocket.toString(), "-X", "POST", "--data", "{\"path\": \"/containers/create\"}",
                    "http://d/_dockmock/journal/count");
            assertThat(count).isEqualTo("{\"count\":1}");
            curl("--unix-socket", adminSocket.toString(), "-X", "DELETE", "http://d/_dockmock/faults");
            assertThat(docker.run("pull", "redis").exitCode()).isZero();
        } finally {
            serve.toHandle().destroy();
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static String curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "20"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String body = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return body;
    }


}
