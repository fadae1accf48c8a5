package dev.dockmock.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.ServedDockerCli;
import dev.dockmock.engine.AlpineDockerCliTest;
import dev.dockmock.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code docker save}, {@code load}, {@code build} and {@code commit} with the real CLI. */
@Timeout(180)
class DockerCliImagesTest extends AlpineDockerCliTest {
    private static final Map<String, String> CLASSIC_BUILDER = Map.of("DOCKER_BUILDKIT", "0");
    private JsonNode inspect(String image) throws Exception {
        return Json.parse(ok("image", "inspect", image).stdout().getBytes(StandardCharsets.UTF_8)).get(0);
    }

    @Test
    void saveThenLoadRoundTrips() throws Exception {
        String id = inspect("alpine").path("Id").asText();
        ok("save", "-o", "alpine.tar", "alpine");
        assertThat(Files.size(docker.workDir().resolve("alpine.tar"))).isGreaterThan(2048);
        ok("rmi", "alpine");
        assertThat(docker.run("image", "inspect", "alpine").exitCode()).isNotZero();

        ServedDockerCli.Result loaded = ok("load", "-i", "alpine.tar");

        assertThat(loaded.stdout()).contains("Loaded image: alpine:latest");
        assertThat(inspect("alpine").path("Id").asText()).isEqualTo(id);
    }

    @Test
    void buildWithTheClassicBuilderThenInspectAndCopyOut() throws Exception {
        Path context = Files.createDirectories(docker.workDir().resolve("ctx"));
        Files.writeString(context.resolve("Dockerfile"), """
                FROM alpine
                ENV APP_MODE=demo
                LABEL org.example.owner="files branch"
                COPY hello.txt /app/hello.txt
                CMD ["cat", "/app/hello.txt"]
                """);
        Files.writeString(context.resolve("hello.txt"), "built by dockmock\n");

        ServedDockerCli.Result built = docker.run(context, CLASSIC_BUILDER, "build", "-t", "demo", ".");

        assertThat(built.exitCode()).as(built.all()).isZero();
        assertThat(built.stdout()).contains("Step 1/5 : FROM alpine", "Step 4/5 : COPY hello.txt /app/hello.txt",
                "Successfully built ", "Successfully tagged demo:latest");
        JsonNode config = inspect("demo").path("Config");
        assertThat(config.path("Labels").path("org.example.owner").asText()).isEqualTo("files branch");
        assertThat(config.path("Env").toString()).contains("APP_MODE=demo");
        assertThat(config.path("Cmd").toString()).isEqualTo("[\"cat\",\"/app/hello.txt\"]");
        ok("create", "--name", "fromdemo", "demo");
        ok("cp", "fromdemo:/app/hello.txt", "copied.txt");
        assertThat(Files.readString(docker.workDir().resolve("copied.txt"))).isEqualTo("built by dockmock\n");
    }

    @Test
    void whatARunWritesIsInTheImage() throws Exception {
        Path context = Files.createDirectories(docker.workDir().resolve("writes"));
        Files.writeString(context.resolve("Dockerfile"), "FROM alpine\n"
                + "RUN mkdir -p /app/conf && echo port=8080 > /app/conf/app.conf && echo built >> /app/conf/app.conf\n"
                + "RUN rm /etc/os-release\n");

        ServedDockerCli.Result built = docker.run(context, CLASSIC_BUILDER, "build", "-t", "writes", ".");
        assertThat(built.exitCode()).as(built.all()).isZero();

        assertThat(ok("run", "--rm", "writes", "cat", "/app/conf/app.conf").stdout()).isEqualTo("port=8080\nbuilt\n");
        ServedDockerCli.Result removed = docker.run("run", "--rm", "writes", "cat", "/etc/os-release");
        assertThat(removed.exitCode()).isEqualTo(1);
        assertThat(removed.stderr()).isEqualTo("cat: can't open '/etc/os-release': No such file or directory\n");
    }

    @Test
    void aRunAfterUserRunsAsThatUserAndTheImageKeepsIt() throws Exception {
        Path context = Files.createDirectories(docker.workDir().resolve("user"));
        Files.writeString(context.resolve("Dockerfile"), "FROM alpine\nUSER nobody\n"
                + "RUN id -un; touch /tmp/t && stat -c '%u' /tmp/t; echo x > /etc/nope || echo denied\nUSER root\nRUN id -u\nUSER nobody\n");

        ServedDockerCli.Result built = docker.run(context, CLASSIC_BUILDER, "build", "-t", "as-nobody", ".");
        assertThat(built.exitCode()).as(built.all()).isZero();
        // what dockerd 20.10's classic builder printed for the same steps
        assertThat(built.stdout()).contains("nobody\n65534\n/bin/sh: can't create /etc/nope: Permission denied\ndenied\n")
                .contains("Step 5/6 : RUN id -u\n ---> Running in").contains("\n0\n ---> Removed");
        assertThat(ok("run", "--rm", "as-nobody", "sh", "-c", "id -u; stat -c '%u %g' /tmp/t").stdout()).isEqualTo("65534\n65534 65534\n");
    }

    @Test
    void aCompressedContextBuildsAsAPlainOneDoes() throws Exception {
        // --compress gzips the context, as dockerode does with every context it packs from a directory
        Path context = Files.createDirectories(docker.workDir().resolve("zipped"));
        Files.writeString(context.resolve("Dockerfile"), "FROM alpine\nCOPY hello.txt /hello.txt\nCMD [\"cat\", \"/hello.txt\"]\n");
        Files.writeString(context.resolve("hello.txt"), "sent gzipped\n");

        ServedDockerCli.Result built = docker.run(context, CLASSIC_BUILDER, "build", "--compress", "-t", "zipped", ".");

        assertThat(built.exitCode()).as(built.all()).isZero();
        assertThat(built.stdout()).contains("Step 2/3 : COPY hello.txt /hello.txt", "Successfully tagged zipped:latest");
        assertThat(ok("run", "--rm", "zipped").stdout()).isEqualTo("sent gzipped\n");
    }

    @Test
    void aFailingRunFailsTheBuildWithItsExitCode() throws Exception {
        Path context = Files.createDirectories(docker.workDir().resolve("bad"));
        Files.writeString(context.resolve("Dockerfile"), "FROM alpine\nRUN false\n");

        ServedDockerCli.Result built = docker.run(context, CLASSIC_BUILDER, "build", "-t", "bad", ".");

        assertThat(built.exitCode()).isEqualTo(1);
        assertThat(built.all()).contains("The command '/bin/sh -c false' returned a non-zero code: 1");
    }

    @Test
    void commitDiffAndInspect() throws Exception {
        ok("create", "--name", "box", "alpine", "sleep", "1000");
        Files.writeString(docker.workDir().resolve("state.txt"), "saved state\n");
        ok("cp", "state.txt", "box:/root/state.txt");
        assertThat(ok("diff", "box").stdout().lines().toList()).containsExactly("C /root", "A /root/state.txt");

        ServedDockerCli.Result committed = ok("commit", "-m", "with state", "-c", "ENV STATE=1", "box", "snap:1");

        String id = committed.stdout().strip();
        assertThat(id).startsWith("sha256:");
        JsonNode image = inspect("snap:1");
        assertThat(image.path("Id").asText()).isEqualTo(id);
        assertThat(image.path("Comment").asText()).isEqualTo("with state");
        assertThat(image.path("Config").path("Env").toString()).contains("STATE=1");
        ok("create", "--name", "again", "snap:1", "sleep", "1");
        ok("cp", "again:/root/state.txt", "back.txt");
        assertThat(Files.readString(docker.workDir().resolve("back.txt"))).isEqualTo("saved state\n");
    }
}
