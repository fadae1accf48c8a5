package dev.dockmock.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.EngineServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The docker CLI 28 against the fake engine: what it prints and how it exits, container by container. */
@Timeout(120)
class ContainerLifecycleCliTest {
    private static EngineServer server;
    @TempDir
    static Path home;
    private static DockerCli docker;

    @BeforeAll
    static void start() throws Exception {
        server = EngineServer.start(EngineConfig.defaults().withSeedImages(List.of("alpine:latest", "alpine:3.20")));
        docker = server.cli(home);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void runRemovePrintsTheOutputAndLeavesNothing() throws Exception {
        assertThat(docker.ok("run", "--rm", "--label", "case=rm", "alpine", "echo", "hi").stdout()).isEqualTo("hi\n");
        assertThat(docker.ok("ps", "-a", "-q", "--filter", "label=case=rm").stdout()).isEmpty();
    }

    @Test
    void runExitsWithTheContainersExitCode() throws Exception {
        Result result = docker.run("run", "--name", "exits3", "alpine", "sh", "-c", "exit 3");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(docker.ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "exits3").stdout()).isEqualTo("exited 3\n");
        docker.ok("rm", "exits3");
    }

    @Test
    void anUnknownCommandFailsAsAMissingBinaryDoes() throws Exception {
        Result result = docker.run("run", "--rm", "alpine", "no-such-binary");
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stderr()).contains("exec: \"no-such-binary\": executable file not found in $PATH");
    }

    @Test
    void detachedContainersRunUntilStopped() throws Exception {
        String id = docker.ok("run", "-d", "--name", "sleeper", "--label", "suite=lifecycle", "alpine", "sleep", "300").stdout().trim();
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(docker.ok("ps", "--filter", "label=suite=lifecycle", "--format", "{{.Names}} {{.Status}}").stdout())
                .startsWith("sleeper Up ");
        assertThat(docker.ok("top", "sleeper").stdout()).contains("sleep 300");
        docker.ok("pause", "sleeper");
        assertThat(docker.ok("ps", "--filter", "status=paused", "--format", "{{.Names}}").stdout()).isEqualTo("sleeper\n");
        docker.ok("unpause", "sleeper");
        docker.ok("rename", "sleeper", "sleeper2");
        assertThat(docker.ok("stop", "-t", "1", "sleeper2").stdout()).isEqualTo("sleeper2\n");
        assertThat(docker.ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", "sleeper2").stdout()).isEqualTo("exited 137\n");
        assertThat(docker.ok("ps", "-a", "--filter", "exited=137", "--format", "{{.Names}}").stdout()).contains("sleeper2");
        docker.ok("start", "sleeper2");
        assertThat(docker.ok("restart", "-t", "0", "sleeper2").stdout()).isEqualTo("sleeper2\n");
        docker.ok("kill", "sleeper2");
        assertThat(docker.ok("wait", "sleeper2").stdout()).isEqualTo("137\n");
        docker.ok("rm", "sleeper2");
    }

    @Test
    void removingARunningContainerNeedsForce() throws Exception {
        docker.ok("run", "-d", "--name", "busy", "alpine", "sleep", "300");
        Result refused = docker.run("rm", "busy");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("cannot remove container \"/busy\": container is running");
        assertThat(docker.ok("rm", "-f", "busy").stdout()).isEqualTo("busy\n");
        Result gone = docker.run("inspect", "busy");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.stderr()).contains("No such object: busy");
    }

    @Test
    void namesAreUnique() throws Exception {
        docker.ok("create", "--name", "unique1", "alpine", "true");
        Result clash = docker.run("create", "--name", "unique1", "alpine", "true");
        assertThat(clash.exitCode()).isEqualTo(1);
        assertThat(clash.stderr()).contains("Conflict. The container name \"/unique1\" is already in use");
        docker.ok("rm", "unique1");
    }

    @Test
    void startingAndStoppingTwiceIsHarmless() throws Exception {
        docker.ok("create", "--name", "twice", "alpine", "sleep", "300");
        docker.ok("start", "twice");
        docker.ok("start", "twice");
        docker.ok("stop", "-t", "0", "twice");
        docker.ok("stop", "-t", "0", "twice");
        docker.ok("rm", "twice");
    }

    @Test
    void logsShowWhatTheContainerWrote() throws Exception {
        docker.ok("run", "--name", "talker", "alpine", "sh", "-c", "echo out; echo err >&2");
        Result logs = docker.ok("logs", "talker");
        assertThat(logs.stdout()).isEqualTo("out\n");
        assertThat(logs.stderr()).isEqualTo("err\n");
        assertThat(docker.ok("logs", "--tail", "1", "talker").output()).isEqualTo("err\n");
        assertThat(docker.ok("logs", "-t", "talker").stdout()).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z out\\n");
        docker.ok("rm", "talker");
    }

    @Test
    void logsFollowEndsWhenTheContainerStops() throws Exception {
        docker.ok("run", "-d", "--name", "follower", "alpine", "sh", "-c", "echo one; sleep 1; echo two");
        Result follow = docker.ok("logs", "-f", "follower");
        assertThat(follow.stdout()).isEqualTo("one\ntwo\n");
        docker.ok("rm", "follower");
    }

    @Test
    void stdinIsPipedThroughRunInteractive() throws Exception {
        Result result = docker.stdin("line one\nline two\n").run("run", "-i", "--rm", "alpine", "cat");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("line one\nline two\n");
    }

    @Test
    void execRunsInARunningContainer() throws Exception {
        docker.ok("run", "-d", "--name", "exechost", "alpine", "sleep", "300");
        assertThat(docker.ok("exec", "exechost", "echo", "from exec").stdout()).isEqualTo("from exec\n");
        Result failing = docker.run("exec", "exechost", "sh", "-c", "exit 4");
        assertThat(failing.exitCode()).isEqualTo(4);
        Result interactive = docker.stdin("piped\n").run("exec", "-i", "exechost", "cat");
        assertThat(interactive.stdout()).isEqualTo("piped\n");
        docker.ok("rm", "-f", "exechost");
        Result stopped = docker.run("exec", "exechost", "true");
        assertThat(stopped.exitCode()).isNotZero();
    }

    @Test
    void statsAndInspectDescribeARunningContainer() throws Exception {
        docker.ok("run", "-d", "--name", "measured", "-p", "18080:80", "alpine", "sleep", "300");
        assertThat(docker.ok("stats", "--no-stream", "--format", "{{.Name}}", "measured").stdout()).isEqualTo("measured\n");
        assertThat(docker.ok("port", "measured").stdout()).isEqualTo("80/tcp -> 0.0.0.0:18080\n");
        assertThat(docker.ok("inspect", "--format", "{{.Config.Image}} {{.State.Running}} {{.HostConfig.NetworkMode}}", "measured").stdout())
                .isEqualTo("alpine true bridge\n");
        assertThat(docker.ok("inspect", "--format", "{{.NetworkSettings.IPAddress}}", "measured").stdout()).matches("127\\.17\\.0\\.\\d+\\n");
        docker.ok("rm", "-f", "measured");
    }

    @Test
    void pruneRemovesStoppedContainers() throws Exception {
        docker.ok("create", "--name", "prunable", "--label", "prune=yes", "alpine", "true");
        Result pruned = docker.ok("container", "prune", "-f", "--filter", "label=prune=yes");
        assertThat(pruned.stdout()).contains("Deleted Containers:").contains("Total reclaimed space");
        assertThat(docker.run("inspect", "prunable").exitCode()).isEqualTo(1);
    }
}
