package dev.dockmock.engine.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.ServedDockerCli;
import dev.dockmock.engine.net.HostPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With host binds off ({@code EngineConfig.withHostBinds(false)}, {@code dockmock serve
 * --no-host-binds}) a bind is an in-memory directory of its container's: empty at first, kept
 * across restarts, and the host path is neither read, written nor made.
 */
@Timeout(120)
class DockerCliSandboxedBindsTest {
    @TempDir
    Path host;

    private final Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
            .withSeedImages(List.of("alpine:latest")).withHostBinds(false));
    private ServedDockerCli docker;

    @AfterEach
    void close() throws Exception {
        if (docker != null) {
            docker.close();
        }
        engine.close();
    }

    @Test
    void aBindIsAnEmptyDirectoryOfTheContainersAndTheHostIsUntouched() throws Exception {
        docker = ServedDockerCli.serve(engine.dispatcher());
        Files.writeString(host.resolve("on-host.txt"), "host\n");
        Path missing = host.resolve("missing");

        assertThat(docker.ok("run", "--rm", "-v", host + ":/data", "alpine", "ls", "-A", "/data").stdout()).isEmpty();
        docker.ok("run", "--name", "box", "-v", missing + ":/data", "alpine", "sh", "-c", "echo kept > /data/f");
        docker.ok("start", "-a", "box");
        assertThat(docker.ok("run", "--rm", "--mount", "type=bind,src=" + missing + ",dst=/d", "alpine", "ls", "-A", "/d").stdout())
                .isEmpty();
        docker.ok("commit", "box", "snap");
        assertThat(docker.ok("run", "--rm", "snap", "ls", "-A", "/data").stdout()).isEmpty();

        assertThat(missing).doesNotExist();
        try (var listing = Files.list(host)) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList()).containsExactly("on-host.txt");
        }
        docker.ok("cp", "box:/data/f", "out");
        assertThat(Files.readString(docker.workDir().resolve("out"))).isEqualTo("kept\n");
    }
}
