package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.testing.DockerCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockmock serve}: its command line, its exit codes, and a real run stopped by SIGTERM. */
@Timeout(120)
class ServeCommandTest {
    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    private static Run inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpDescribesTheHostAndTlsFlags() {
        Run help = inProcess("serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("-H, --host HOST", "--tlsverify", "--tlscacert", "--no-host-binds", "Exit codes");
        Run top = inProcess("--help");
        assertThat(top.code()).isZero();
        assertThat(top.out()).contains("serve", "bench");
    }

    @Test
    void aWrongCommandLineExitsWith2() {
        Run bad = inProcess("serve", "-H", "ssh://somewhere");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unsupported protocol: \"ssh\"");
        assertThat(inProcess("serve", "--no-such-flag").code()).isEqualTo(2);
        assertThat(inProcess("serve", "--tlsverify", "--tlscert", "c.pem", "--tlskey", "k.pem").err()).contains("--tlscacert");
        assertThat(inProcess("no-such-command").code()).isEqualTo(2);
    }

    @Test
    void aPortInUseExitsWith1AndSuggestsAnother() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Run run = inProcess("serve", "--no-fixtures", "-H", "tcp://127.0.0.1:" + taken.getLocalPort());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("tcp://127.0.0.1:" + taken.getLocalPort(), "Try using a different port");
        }
    }

    @Test
    void servesRealClientsAndStopsCleanlyOnSigterm() throws Exception {
        assumeTrue(DockerCli.available(), "docker CLI not installed");
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dms");
        dir.toFile().deleteOnExit();
        Path socket = dir.resolve("d.sock");
        Process serve = ChildDockmock.command("serve", "--no-fixtures", "-H", "unix://" + socket, "-H", "tcp://127.0.0.1:0").start();
        List<String> lines = ChildDockmock.readUntil(serve, "Press Ctrl-C");
        String output = String.join("\n", lines);
        assertThat(output).contains("export DOCKER_HOST=unix://" + socket);
        Matcher tcp = Pattern.compile("listening on (tcp://127\\.0\\.0\\.1:\\d+)").matcher(output);
        assertThat(tcp.find()).as(output).isTrue();
        assertThat(Files.exists(socket)).isTrue();

        DockerCli docker = DockerCli.withHome(home, Duration.ofSeconds(30));
        DockerCli.Result overUnix = docker.host("unix://" + socket).run("run", "--rm", "alpine", "echo", "hi");
        assertThat(overUnix.stdout()).as(overUnix.toString()).isEqualTo("hi\n");
        DockerCli.Result overTcp = docker.host(tcp.group(1)).run("version", "--format", "{{.Server.APIVersion}}");
        assertThat(overTcp.stdout()).as(overTcp.toString()).isEqualTo("1.50\n");

        serve.toHandle().destroy();
        assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero();
        assertThat(new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("dockmock: stopped");
        assertThat(Files.exists(socket)).as("the socket file is removed").isFalse();
    }

    @Test
    void theDefaultsAreAUnixSocketUnderTheTempDirectoryAndPort2375() throws Exception {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 2375));
        } catch (IOException inUse) {
            assumeTrue(false, "port 2375 is in use here");
        }
        Path tmp = Files.createTempDirectory(Path.of("/tmp"), "dmt");
        tmp.toFile().deleteOnExit();
        tmp.resolve("dockmock-" + System.getProperty("user.name")).toFile().deleteOnExit();
        ProcessBuilder builder = ChildDockmock.command("serve", "--no-fixtures");
        builder.environment().put("TMPDIR", tmp.toString());
        Process serve = builder.start();
        String output = String.join("\n", ChildDockmock.readUntil(serve, "Press Ctrl-C"));
        String user = System.getProperty("user.name");
        assertThat(output).contains("listening on unix://" + tmp + "/dockmock-" + user + "/docker.sock",
                "listening on tcp://127.0.0.1:2375", "export DOCKER_HOST=unix://" + tmp + "/dockmock-" + user + "/docker.sock");
        serve.toHandle().destroy();
        assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero();
    }

    @Test
    void noHostBindsGivesBindsAnEmptyDirectoryAndLeavesTheHostAlone(@TempDir Path bound) throws Exception {
        assumeTrue(DockerCli.available(), "docker CLI not installed");
        Files.writeString(bound.resolve("on-host.txt"), "host\n");
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dmb");
        dir.toFile().deleteOnExit();
        Path socket = dir.resolve("d.sock");
        Process serve = ChildDockmock.command("serve", "--no-fixtures", "--no-host-binds", "-H", "unix://" + socket).start();
        ChildDockmock.readUntil(serve, "Press Ctrl-C");
        try {
            DockerCli docker = DockerCli.withHome(home, Duration.ofSeconds(30)).host("unix://" + socket);
            DockerCli.Result listing = docker.run("run", "--rm", "-v", bound + ":/data", "alpine", "sh", "-c",
                    "ls -A /data; echo x > /data/written");
            assertThat(listing.exitCode()).as(listing.toString()).isZero();
            assertThat(listing.stdout()).isEmpty();
            try (var files = Files.list(bound)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("on-host.txt");
            }
        } finally {
            serve.toHandle().destroy();
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
