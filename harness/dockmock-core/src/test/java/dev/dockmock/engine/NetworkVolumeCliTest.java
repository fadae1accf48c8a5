package dev.dockmock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.DockerCli.Result;
import dev.dockmock.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real docker CLI's network, volume and system commands against the engine on a unix socket. */
@Timeout(120)
class NetworkVolumeCliTest {
    private DockerCli cli;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(DockerCli.DOCKER), "the docker CLI is not installed at " + DockerCli.DOCKER);
        cli = new DockerCli();
    }

    @AfterEach
    void stop() throws IOException {
        if (cli != null) {
            cli.close();
        }
    }

    private Result ok(String... args) {
        Result result = cli.run(args);
        assertThat(result.exitCode()).as("docker " + String.join(" ", args) + "\n" + result).isZero();
        return result;
    }

    private void fails(String error, String... args) {
        Result result = cli.run(args);
        assertThat(result.exitCode()).as("docker " + String.join(" ", args) + "\n" + result).isEqualTo(1);
        assertThat(result.err()).startsWith(error + "\n");
    }

    private static JsonNode json(Result result) {
        return Json.parse(result.out().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void networkCreateListInspectConnectDisconnectRemove() {
        String id = ok("network", "create", "--subnet", "10.77.0.0/24", "--label", "team=a", "front").out().trim();
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(ok("network", "ls").out()).containsPattern("(?m)^" + id.substring(0, 12) + " +front +bridge +local$")
                .containsPattern("(?m)^[0-9a-f]{12} +none +null +local$");
        assertThat(ok("network", "ls", "--filter", "label=team=a", "--format", "{{.Name}}").out()).isEqualTo("front\n");
        assertThat(ok("network", "ls", "--filter", "type=custom", "-q").out()).isEqualTo(id.substring(0, 12) + "\n");

        JsonNode front = json(ok("network", "inspect", "front")).get(0);
        assertThat(front.path("Id").asText()).isEqualTo(id);
        assertThat(front.path("IPAM").path("Config").get(0).path("Subnet").asText()).isEqualTo("10.77.0.0/24");
        assertThat(front.path("IPAM").path("Config").get(0).path("Gateway").asText()).isEqualTo("10.77.0.1");
        assertThat(front.path("Labels").path("team").asText()).isEqualTo("a");

        String web = ok("run", "-d", "--name", "web", "alpine", "sleep", "100").out().trim();
        ok("network", "connect", "--ip", "10.77.0.50", "--alias", "w", "front", "web");
        JsonNode member = json(ok("network", "inspect", "front")).get(0).path("Containers").path(web);
        assertThat(member.path("Name").asText()).isEqualTo("web");
        assertThat(member.path("IPv4Address").asText()).isEqualTo("10.77.0.50/24");
        assertThat(ok("inspect", "--format", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}", "web").out())
                .isEqualTo("bridge=127.17.0.2 front=10.77.0.50 \n");

        fails("Error response from daemon: endpoint with name web already exists in network front", "network", "connect", "front", "web");
        Result busy = cli.run("network", "rm", "front");
        assertThat(busy.exitCode()).isEqualTo(1);
        assertThat(busy.err()).containsPattern("^Error response from daemon: error while removing network: network front has active "
                + "endpoints \\(name:\"web\" id:\"[0-9a-f]{12}\"\\)\n");

        ok("network", "disconnect", "front", "web");
        fails("Error response from daemon: container " + web + " is not connected to network front", "network", "disconnect", "front", "web");
        assertThat(ok("network", "rm", "front").out()).isEqualTo("front\n");
        fails("Error response from daemon: network front not found", "network", "inspect", "front");
        fails("Error response from daemon: bridge is a pre-defined network and cannot be removed", "network", "rm", "bridge");
        ok("network", "create", "twice");
        fails("Error response from daemon: network with name twice already exists", "network", "create", "twice");
        assertThat(ok("network", "prune", "-f").out()).contains("Deleted Networks:\ntwice\n");
    }

    @Test
    void aHostNetworkContainerTakesTheDaemonsHostName() {
        // as dockerd: the container's Hostname is the daemon's host name, which docker info calls Name
        String daemon = ok("info", "--format", "{{.Name}}").out();
        assertThat(ok("run", "--rm", "--network", "host", "alpine", "sh", "-c", "hostname; cat /etc/hostname").out())
                .isEqualTo(daemon + daemon);
        assertThat(ok("run", "--rm", "--network", "host", "--hostname", "mine", "alpine", "hostname").out()).isEqualTo("mine\n");
        assertThat(ok("run", "--rm", "alpine", "hostname").out().trim()).matches("[0-9a-f]{12}");
    }

    @Test
    void volumeCreateListInspectRemove() {
        assertThat(ok("volume", "create", "--label", "app=db", "data").out()).isEqualTo("data\n");
        String anonymous = ok("volume", "create").out().trim();
        assertThat(anonymous).matches("[0-9a-f]{64}");
        assertThat(ok("volume", "ls").out().lines()).containsExactlyInAnyOrder("DRIVER    VOLUME NAME", "local     data",
                "local     " + anonymous);
        assertThat(ok("volume", "ls", "-q", "--filter", "label=app=db").out()).isEqualTo("data\n");

        JsonNode data = json(ok("volume", "inspect", "data")).get(0);
        assertThat(data.path("Mountpoint").asText()).isEqualTo("/var/lib/docker/volumes/data/_data");
        assertThat(data.path("Driver").asText()).isEqualTo("local");
        assertThat(data.path("Scope").asText()).isEqualTo("local");
        assertThat(data.path("Labels").path("app").asText()).isEqualTo("db");

        String user = ok("create", "--name", "db1", "-v", "data:/var/lib/data", "-v", "logs:/logs", "alpine").out().trim();
        assertThat(ok("volume", "ls", "-q").out()).contains("logs\n");
        // the CLI sends -v binds in no fixed order (a Go map), and dockerd lists mounts in no fixed order either
        assertThat(ok("inspect", "--format", "{{range .Mounts}}{{.Name}}:{{.Destination}} {{end}}", "db1").out().trim().split(" "))
                .containsExactlyInAnyOrder("data:/var/lib/data", "logs:/logs");
        fails("Error response from daemon: remove data: volume is in use - [" + user + "]", "volume", "rm", "data");
        fails("Error response from daemon: get gone: no such volume", "volume", "inspect", "gone");

        ok("rm", "db1");
        assertThat(ok("volume", "rm", "data").out()).isEqualTo("data\n");
        assertThat(ok("volume", "prune", "-f").out()).isEqualTo("Deleted Volumes:\n" + anonymous + "\n\nTotal reclaimed space: 0B\n");
        assertThat(ok("volume", "ls", "-q").out()).isEqualTo("logs\n");
    }

    @Test
    void systemDfCountsImagesContainersAndVolumes() {
        ok("run", "-d", "--name", "web", "-v", "site:/site", "alpine", "sleep", "100");
        ok("create", "--name", "idle", "alpine");
        ok("volume", "create", "spare");
        assertThat(ok("system", "df").out()).isEqualTo("""
                TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
                Images          1         1         7.798MB   0B (0%)
                Containers      2         1         0B        0B
                Local Volumes   2         1         0B        0B
                Build Cache     0         0         0B        0B
                """);
        assertThat(ok("system", "df", "-v").out()).containsPattern("(?m)^site +1 +0B$").containsPattern("(?m)^spare +0 +0B$");
    }

    @Test
    void pluginsSwarmAndLoginAsAPlainDaemon() {
        assertThat(ok("plugin", "ls").out()).isEqualTo("ID        NAME      DESCRIPTION   ENABLED\n");
        fails("Error response from daemon: plugin \"sshfs\" not found", "plugin", "inspect", "sshfs");
        fails("Error response from daemon: This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to "
                + "connect this node to swarm and try again.", "service", "ls");
        Result login = cli.runWithInput("secret\n", "login", "-u", "me", "--password-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out()).isEqualTo("Login Succeeded\n");
    }
}
