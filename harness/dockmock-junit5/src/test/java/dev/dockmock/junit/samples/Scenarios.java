package dev.dockmock.junit.samples;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * What the sample tests do with docker-java. The cassette generator runs the same code against the
 * engine, so the committed cassettes hold exactly the requests the replay sample sends.
 */
final class Scenarios {

    private Scenarios() {
    }

    /** What a run left behind, for the tests to check. */
    record Run(String containerId, int exitCode, String logs) {
    }

    /** Pulls alpine, runs {@code echo} in a container, waits for it, reads its logs and removes it. */
    static Run echoInAContainer(DockerClient docker, String text) throws InterruptedException {
        docker.pullImageCmd("alpine").withTag("3.20").start().awaitCompletion(30, TimeUnit.SECONDS);
        CreateContainerResponse created = docker.createContainerCmd("alpine:3.20").withCmd("echo", text).exec();
        docker.startContainerCmd(created.getId()).exec();
        int exit = docker.waitContainerCmd(created.getId()).start().awaitStatusCode(30, TimeUnit.SECONDS);
        StringBuilder logs = new StringBuilder();
        docker.logContainerCmd(created.getId()).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                logs.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        docker.removeContainerCmd(created.getId()).exec();
        return new Run(created.getId(), exit, logs.toString());
    }

    /** Asks for an image that is not there: docker-java throws {@link NotFoundException}. */
    static String inspectAMissingImage(DockerClient docker) {
        try {
            docker.inspectImageCmd("no-such-image:1").exec();
            return "found";
        } catch (NotFoundException e) {
            return e.getMessage();
        }
    }
}
