package dev.dockmock.engine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.BundledBinary;
import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Daemons;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server components the real docker CLI shows for {@code docker version}, and the commits
 * {@code docker info} shows for the same binaries, over unix and tcp.
 */
@Timeout(60)
class DockerVersionComponentsCliTest {

    @BeforeAll
    static void cliPresent() {
        assumeTrue(DockerCli.available(), "docker CLI not found at " + DockerCli.binary());
    }

    private static String ok(DockerHost host, String... args) {
        DockerCli.Result result = DockerCli.run(host, args);
        assertThat(result.exitCode()).as("docker " + String.join(" ", args) + "\n" + result.output()).isZero();
        return result.stdout();
    }

    private static DockMockServer serve(Wire wire) throws Exception {
        return TestServers.start(wire, Daemons.minimal(DaemonIdentity.defaults()));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void versionShowsASectionPerBundledBinary(Wire wire) throws Exception {
        try (DockMockServer server = serve(wire)) {
            String out = ok(TestServers.hostOf(server), "version");
            String serverSection = out.substring(out.indexOf("\nServer:"));
            for (BundledBinary binary : BundledBinary.ALL) {
                // The CLI pads the values into one column, so only the line shapes are fixed.
                assertThat(serverSection).as(out).containsPattern("\n " + Pattern.quote(binary.name()) + ":\n"
                        + "  Version: +" + Pattern.quote(binary.version()) + "\n"
                        + "  GitCommit: +" + Pattern.quote(binary.gitCommit()) + "\n");
            }
            assertThat(serverSection).as(out).containsPattern("\n containerd:\n  Version: +1\\.7\\.\\d+\n")
                    .containsPattern("\n runc:\n  Version: +1\\.2\\.\\d+\n")
                    .containsPattern("\n docker-init:\n  Version: +0\\.19\\.0\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void formatRangesOverTheFourComponentsInDockerdsOrder(Wire wire) throws Exception {
        try (DockMockServer server = serve(wire)) {
            assertThat(ok(TestServers.hostOf(server), "version", "--format", "{{range .Server.Components}}{{.Name}} {{end}}"))
                    .isEqualTo("Engine containerd runc docker-init \n");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void infoCommitsAreTheVersionComponentsCommits(Wire wire) throws Exception {
        try (DockMockServer server = serve(wire)) {
            DockerHost host = TestServers.hostOf(server);
            String fromVersion = ok(host, "version", "--format",
                    "{{range .Server.Components}}{{if ne .Name \"Engine\"}}{{index .Details \"GitCommit\"}} {{end}}{{end}}");
            String fromInfo = ok(host, "info", "--format", "{{.ContainerdCommit.ID}} {{.RuncCommit.ID}} {{.InitCommit.ID}} ");
            assertThat(fromInfo).isEqualTo(fromVersion);
            assertThat(ok(host, "info", "--format", "{{.ContainerdCommit.ID}}").strip())
                    .isEqualTo(BundledBinary.CONTAINERD.gitCommit())
                    .matches("[0-9a-f]{40}");
            assertThat(ok(host, "info")).contains("\n containerd version: " + BundledBinary.CONTAINERD.gitCommit() + "\n")
                    .contains("\n runc version: " + BundledBinary.RUNC.gitCommit() + "\n")
                    .contains("\n init version: " + BundledBinary.DOCKER_INIT.gitCommit() + "\n");
        }
    }
}
