package dev.dockmock.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.EngineServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The docker CLI 28 against the fake engine: images, and the event stream. */
@Timeout(120)
class ImagesAndEventsCliTest {
    private EngineServer server;
    @TempDir
    Path home;
    private DockerCli docker;

    @BeforeEach
    void start() throws Exception {
        server = EngineServer.start(EngineConfig.defaults().withSeedImages(List.of()));
        docker = server.cli(home);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Result ok(String... args) throws Exception {
        Result result = docker.run(args);
        assertThat(result.exitCode()).as("docker %s\n%s", String.join(" ", args), result).isZero();
        return result;
    }

    @Test
    void pullListsTagsInspectsAndRemovesImages() throws Exception {
        Result pull = ok("pull", "alpine:3.20");
        assertThat(pull.stdout()).contains("3.20: Pulling from library/alpine", "Pull complete",
                "Status: Downloaded newer image for alpine:3.20", "docker.io/library/alpine:3.20");
        assertThat(ok("pull", "alpine:3.20").stdout()).contains("Status: Image is up to date for alpine:3.20");
        assertThat(ok("images", "--format", "{{.Repository}}:{{.Tag}} {{.Size}}").stdout()).isEqualTo("alpine:3.20 7.8MB\n");
        ok("tag", "alpine:3.20", "registry.example:5000/team/base:1");
        assertThat(ok("images", "--format", "{{.Repository}}:{{.Tag}}", "--filter", "reference=*/team/*").stdout())
                .isEqualTo("registry.example:5000/team/base:1\n");
        String id = ok("image", "inspect", "--format", "{{.Id}}", "alpine:3.20").stdout().trim();
        assertThat(id).matches("sha256:[0-9a-f]{64}");
        assertThat(ok("image", "inspect", "--format", "{{.Id}} {{.Os}} {{json .Config.Cmd}}", "registry.example:5000/team/base:1")
                .stdout()).isEqualTo(id + " linux [\"/bin/sh\"]\n");
        assertThat(ok("history", "--format", "{{.CreatedBy}}", "alpine:3.20").stdout()).contains("CMD");
        assertThat(ok("rmi", "registry.example:5000/team/base:1").stdout()).isEqualTo("Untagged: registry.example:5000/team/base:1\n");

        ok("create", "--name", "user1", "alpine:3.20", "true");
        Result conflict = docker.run("rmi", "alpine:3.20");
        assertThat(conflict.exitCode()).isEqualTo(1);
        assertThat(conflict.stderr()).contains("conflict: unable to remove repository reference \"alpine:3.20\" (must force) - container");
        ok("rm", "user1");
        assertThat(ok("rmi", "alpine:3.20").stdout()).contains("Untagged: alpine:3.20", "Deleted: " + id);
        assertThat(ok("images", "-q").stdout()).isEmpty();
    }

    @Test
    void unknownImagesFailAsDockerHubMakesDockerdFail() throws Exception {
        Result missing = docker.run("pull", "no-such-org/no-such-image");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("pull access denied for no-such-org/no-such-image, repository does not exist"
                + " or may require 'docker login'");
        Result badTag = docker.run("pull", "alpine:0.0.0-nope");
        assertThat(badTag.exitCode()).isEqualTo(1);
        assertThat(badTag.stderr()).contains("manifest for alpine:0.0.0-nope not found: manifest unknown");
        Result run = docker.run("run", "--rm", "no-such-org/no-such-image");
        assertThat(run.exitCode()).isEqualTo(125);
        assertThat(run.stderr()).contains("Unable to find image 'no-such-org/no-such-image:latest' locally");
    }

    @Test
    void pushedImagesCanBePulledBackFromTheFakeRegistry() throws Exception {
        ok("pull", "alpine:3.20");
        ok("tag", "alpine:3.20", "localhost:5000/team/app:1.0");
        Result push = ok("push", "localhost:5000/team/app:1.0");
        assertThat(push.stdout()).contains("The push refers to repository [localhost:5000/team/app]", "Pushed",
                "1.0: digest: sha256:");
        ok("rmi", "localhost:5000/team/app:1.0");
        assertThat(ok("pull", "localhost:5000/team/app:1.0").stdout()).contains("localhost:5000/team/app:1.0");
        Result denied = docker.run("push", "alpine:3.20");
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.stderr()).contains("denied: requested access to the resource is denied");
        Result missing = docker.run("push", "localhost:5000/nothing:here");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).contains("No such image: localhost:5000/nothing:here");
    }

    @Test
    void imagePruneRemovesUnusedImages() throws Exception {
        ok("pull", "busybox");
        ok("pull", "alpine");
        ok("create", "alpine", "true");
        Result pruned = ok("image", "prune", "-a", "-f");
        assertThat(pruned.stdout()).contains("untagged: busybox:latest").doesNotContain("alpine");
        assertThat(ok("images", "--format", "{{.Repository}}").stdout()).isEqualTo("alpine\n");
    }

    @Test
    void eventsBetweenSinceAndUntilShowEveryStateChangeInOrder() throws Exception {
        long since = System.currentTimeMillis() / 1000 - 1;
        ok("pull", "alpine");
        ok("run", "--name", "evented", "alpine", "echo", "x");
        ok("rm", "evented");
        long until = System.currentTimeMillis() / 1000 + 1;
        Result events = ok("events", "--since", String.valueOf(since), "--until", String.valueOf(until),
                "--filter", "type=container", "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}");
        assertThat(events.stdout().lines().toList()).containsExactly(
                "container create evented", "container attach evented", "container start evented",
                "container die evented", "container destroy evented");
        Result images = ok("events", "--since", String.valueOf(since), "--until", String.valueOf(until),
                "--filter", "type=image", "--format", "{{.Action}} {{.Actor.ID}}");
        assertThat(images.stdout()).isEqualTo("pull alpine:latest\n");
    }
}
