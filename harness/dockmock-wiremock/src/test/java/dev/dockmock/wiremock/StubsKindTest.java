package dev.dockmock.wiremock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.testing.ControlledServer;
import dev.dockmock.testing.DockerCli;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The admin API switches to WireMock stubs by name, found through the service loader. */
@Timeout(60)
class StubsKindTest {
    @TempDir
    Path home;

    @Test
    void theAdminApiSwapsStubsInAndOut() throws Exception {
        assumeTrue(DockerCli.available(), "needs the docker CLI");
        try (ControlledServer dockmock = ControlledServer.start()) {
            DockerCli docker = dockmock.cli(home);
            String root = Path.of("src/test/resources/stubs").toAbsolutePath().toString();
            HttpResponse<String> swapped = dockmock.admin("PUT", "/_dockmock/dispatcher", "{\"kind\": \"stubs\", \"mappings\": \"" + root + "\"}");
            assertThat(swapped.body()).isEqualTo("{\"dispatcher\":\"stubs\"}");
            assertThat(docker.run("version", "--format", "{{.Server.Version}}").stdout()).isEqualTo("99.0.0-stub\n");
            assertThat(docker.run("run", "--rm", "alpine", "echo", "fell through").stdout()).isEqualTo("fell through\n");

            assertThat(dockmock.admin("PUT", "/_dockmock/dispatcher", "{\"kind\": \"stubs\", \"mappings\": \"/nowhere\"}").body())
                    .contains("no WireMock mappings in /nowhere");
            dockmock.admin("PUT", "/_dockmock/dispatcher", "{\"kind\": \"engine\"}");
            assertThat(docker.run("version", "--format", "{{.Server.Version}}").stdout()).isNotEqualTo("99.0.0-stub\n");
        }
    }
}
