package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Daemons;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real docker CLI against the minimal daemon on unix and tcp. */
@Timeout(60)
class DockerCliTest {

    @BeforeAll
    static void cliPresent() {
        assumeTrue(DockerCli.available(), "docker CLI not found at " + DockerCli.binary());
    }

    private static DockMockServer minimal(Wire wire) throws Exception {
        return TestServers.start(wire, Daemons.minimal(DaemonIdentity.defaults()));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void dockerVersionShowsTheServerApiVersion(Wire wire) throws Exception {
        try (DockMockServer server = minimal(wire)) {
            DockerHost host = TestServers.hostOf(server);
            DockerCli.Result result = DockerCli.run(host, "version");
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.stdout()).contains("Server:");
            String serverSection = result.stdout().substring(result.stdout().indexOf("Server:"));
            // The CLI indents the server's engine block one level deeper than the client's, so the
            // column of padding differs from the client section's "API version:       1.50".
            assertThat(serverSection).as(result.output()).containsPattern("\n  API version: +1\\.50 \\(minimum version 1\\.24\\)\n");
            assertThat(result.stdout()).contains(" API version:       1.50\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void dockerInfoShowsSwarmInactive(Wire wire) throws Exception {
        try (DockMockServer server = minimal(wire)) {
            DockerCli.Result result = DockerCli.run(TestServers.hostOf(server), "info");
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.stdout()).as(result.output()).contains("Swarm: inactive");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void dockerPsFailsWithPageNotFound(Wire wire) throws Exception {
        try (DockMockServer server = minimal(wire)) {
            DockerCli.Result result = DockerCli.run(TestServers.hostOf(server), "ps");
            assertThat(result.timedOut()).as(result.output()).isFalse();
            assertThat(result.exitCode()).as(result.output()).isNotZero();
            assertThat(result.stderr()).as(result.output()).contains("page not found");
        }
    }
}
