package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.clients.scripted.NodeDockerode;
import dev.dockmock.clients.scripted.ServedEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dockerode (Node.js, and so the Node testcontainers) against a dockmock engine on a unix socket
 * and on tcp, found through {@code DOCKER_HOST} as {@code new Docker()} finds it: the scripts
 * under {@code clients/node} make the calls a Node suite makes and print what dockerode showed,
 * which is checked here, for the newest 4.0.x and 5.0.x. Skips, with the reason, where node or
 * npm is missing or the install from the npm registry fails.
 */
@Timeout(240)
class DockerodeTest {
    /** The newest of each line dockerode users are on; pinned, so a release cannot change a build. */
    private static final List<String> VERSIONS = List.of("4.0.12", "5.0.1");

    private ServedEngine served;

    static Stream<String> versions() {
        return VERSIONS.stream();
    }

    static Stream<Arguments> versionsAndTransports() {
        return VERSIONS.stream().flatMap(v -> Stream.of(Arguments.of(v, "unix"), Arguments.of(v, "tcp")));
    }

    @BeforeEach
    void start() throws Exception {
        served = ServedEngine.start();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private JsonNode run(String version, String script, String transport) throws Exception {
        NodeDockerode.Found dockerode = NodeDockerode.install(version);
        Assumptions.assumeTrue(dockerode.available(), dockerode::skipReason);
        String host = served.host(transport);
        return dockerode.client().run("clients/node/" + script, host, Duration.ofSeconds(180)).seen();
    }

    @ParameterizedTest(name = "dockerode {0} over {1}")
    @MethodSource("versionsAndTransports")
    void connectsFromDockerHostPullsAndShowsErrors(String version, String transport) throws Exception {
        JsonNode seen = run(version, "system.js", transport);
        JsonNode parsed = seen.path("parsed");
        if (transport.equals("unix")) {
            assertThat(parsed.path("socketPath").asText()).isEqualTo(served.host("unix").substring("unix://".length()));
            assertThat(parsed.path("host").isNull()).isTrue();
        } else {
            assertThat(parsed.path("host").asText()).isEqualTo("127.0.0.1");
            assertThat(parsed.path("port").asText()).isEqualTo(served.host("tcp").replaceAll(".*:", ""));
            assertThat(parsed.path("protocol").asText()).isEqualTo("http");
        }
        assertThat(seen.path("ping").asText()).isEqualTo("OK");
        assertThat(seen.path("pingExplicit").asText()).isEqualTo("OK");
        assertThat(seen.path("version").path("api").asText()).isEqualTo("1.50");
        assertThat(seen.path("info").path("swarm").asText()).isEqualTo("inactive");
        assertThat(texts(seen.path("pullStatuses"))).startsWith("Pulling from library/alpine")
                .contains("Download complete", "Pull complete", "Digest");
        assertThat(seen.path("pullLast").asText()).isEqualTo("Status: Downloaded newer image for alpine:latest");
        assertThat(seen.path("pullErrors").asInt()).isZero();
        assertThat(texts(seen.path("imageTags"))).containsExactly("alpine:latest");
        assertThat(texts(seen.path("listedImages"))).containsExactly("alpine:latest");
        assertThat(seen.path("containerNotFound").toString())
                .isEqualTo("{\"statusCode\":404,\"message\":\"No such container: node-nothing\",\"reason\":\"no such container\"}");
        assertThat(seen.path("imageNotFound").path("message").asText()).isEqualTo("No such image: node-no-such:1");
        // a streamed answer's error has no json: dockerode puts the message in the Error's text
        assertThat(seen.path("pullNotFound").path("statusCode").asInt()).isEqualTo(404);
        assertThat(seen.path("pullNotFound").path("message").asText())
                .startsWith("(HTTP code 404) unexpected - pull access denied for node-no-such-image");
        assertThat(seen.path("createConflict").path("statusCode").asInt()).isEqualTo(409);
        assertThat(seen.path("createConflict").path("message").asText()).startsWith("Conflict. The container name \"/node-twice\" is already in use");
        assertThat(seen.path("badRequest").path("statusCode").asInt()).isEqualTo(400);
        assertThat(seen.path("badRequest").path("message").asText()).isEqualTo("No image specified");
    }

    @ParameterizedTest(name = "dockerode {0} over {1}")
    @MethodSource("versionsAndTransports")
    void containersShowWhatTheyDid(String version, String transport) throws Exception {
        JsonNode seen = run(version, "containers.js", transport);
        // docker.run defaults to Tty: true: the terminal's line ends, the command's exit code
        assertThat(seen.path("runTty").toString()).isEqualTo("{\"output\":\"hi\\r\\nthere\\r\\n\",\"exit\":4,\"tty\":true}");
        assertThat(seen.path("runDemuxed").toString()).isEqualTo("{\"stdout\":\"out\\n\",\"stderr\":\"err\\n\",\"exit\":0}");
        assertThat(seen.path("inspect").toString()).isEqualTo("{\"name\":\"/node-box\",\"running\":true,\"labels\":{\"suite\":\"node\"}}");
        assertThat(seen.path("listed").toString()).isEqualTo("[[\"/node-box\",\"running\"]]");
        assertThat(seen.path("listedNone").asInt()).isZero();
        assertThat(seen.path("logsFollowed").asText()).isEqualTo("line1\nline2\nline3\n");
        assertThat(seen.path("logs").asBoolean()).isTrue();
        assertThat(seen.path("exec").toString()).isEqualTo("{\"stdout\":\"out\\n\",\"stderr\":\"err\\n\",\"exitCode\":3,\"running\":false}");
        assertThat(seen.path("execPlain").asText()).isEqualTo("plain\n");
        assertThat(seen.path("execRepeated").asInt()).as("hijacked execs whose output came back whole").isEqualTo(20);
        // a Tty exec started without Tty (dockerode's README): the terminal's output, framed as stdout
        assertThat(seen.path("execTtyFramed").toString()).isEqualTo("{\"stdout\":\"out\\r\\nerr\\r\\n\",\"stderr\":\"\",\"firstByte\":1}");
        // Tty only at start, no terminal: raw, and dockerd gives such a process's stderr nowhere to go
        assertThat(seen.path("execRawNoTerminal").toString()).isEqualTo("{\"output\":\"out\\n\",\"exitCode\":2}");
        assertThat(seen.path("archive").toString()).isEqualTo("{\"stat\":[\"f.txt\",11],\"files\":{\"f.txt\":\"hello file\\n\"}}");
        assertThat(seen.path("attach").toString()).isEqualTo("{\"echoed\":\"hello cat\\n\",\"exit\":0}");
        assertThat(seen.path("stats").toString()).isEqualTo("{\"hasMemory\":true,\"pids\":true}");
        assertThat(seen.path("paused").asText()).isEqualTo("paused");
        assertThat(seen.path("renamed").asText()).isEqualTo("/node-renamed");
        assertThat(seen.path("execTty").toString()).isEqualTo("{\"output\":\"in tty\\r\\n\",\"exitCode\":5}");
        assertThat(seen.path("restarted").asBoolean()).isTrue();
        assertThat(seen.path("killed").asInt()).isEqualTo(137);
        // sleep as pid 1 ignores SIGTERM: restart's stop sends it, then SIGKILL
        assertThat(texts(seen.path("events"))).containsExactly("start", "pause", "unpause", "rename",
                "kill", "kill", "die", "start", "restart", "kill", "die");
        assertThat(seen.path("pruned").isNull()).as("nothing to prune is null, as Go writes an empty slice").isTrue();
        assertThat(seen.path("wait").asInt()).as("sh as pid 1 ignores SIGTERM, so stop kills it").isEqualTo(137);
        assertThat(seen.path("left")).isEmpty();
    }

    @ParameterizedTest(name = "dockerode {0}")
    @MethodSource("versions")
    void imagesNetworksVolumesAndEvents(String version) throws Exception {
        JsonNode seen = run(version, "resources.js", "tcp");
        assertThat(texts(seen.path("buildSteps"))).containsExactly("Step 1/3 : FROM alpine",
                "Step 2/3 : RUN echo built > /b.txt", "Step 3/3 : CMD [\"cat\", \"/b.txt\"]");
        assertThat(seen.path("buildAux").asInt()).isEqualTo(1);
        assertThat(seen.path("buildErrors")).isEmpty();
        assertThat(texts(seen.path("builtTags"))).containsExactly("node-built:1");
        assertThat(seen.path("runBuilt").path("out").asText()).isEqualTo("built\n");
        // {context, src}: dockerode packs the directory with tar-fs and gzips it
        assertThat(seen.path("dirBuildErrors")).isEmpty();
        assertThat(seen.path("runDir").path("out").asText()).isEqualTo("from the context\n");
        assertThat(seen.path("tagged").asBoolean()).isTrue();
        assertThat(seen.path("history").asBoolean()).isTrue();
        assertThat(texts(seen.path("listed"))).containsExactly("node-built:1", "node-built:2");
        assertThat(texts(seen.path("removed"))).containsExactly("Untagged");
        assertThat(seen.path("afterRemove").asInt()).isZero();
        assertThat(texts(seen.path("loaded"))).containsExactly("Loaded image: node-built:1");
        assertThat(seen.path("runLoaded").path("out").asText()).isEqualTo("built\n");
        assertThat(seen.path("network").toString())
                .isEqualTo("{\"name\":\"node-net\",\"driver\":\"bridge\",\"labels\":{\"suite\":\"node\"},\"members\":[\"node-member\"]}");
        assertThat(texts(seen.path("aliases"))).containsExactly("member");
        assertThat(texts(seen.path("networksListed"))).containsExactly("node-net");
        assertThat(seen.path("networkGone").asInt()).isEqualTo(404);
        assertThat(seen.path("volume").toString()).isEqualTo("{\"name\":\"node-vol\",\"driver\":\"local\",\"labels\":{\"suite\":\"node\"}}");
        assertThat(seen.path("volumeWritten").path("exit").asInt()).isZero();
        assertThat(seen.path("volumeRead").path("out").asText()).isEqualTo("kept\n");
        assertThat(seen.path("volumeReadOnly").path("err").asText()).isEqualTo("sh: can't create /data/g: Read-only file system\n");
        assertThat(seen.path("volumeReadOnly").path("exit").asInt()).isEqualTo(1);
        assertThat(texts(seen.path("volumesListed"))).containsExactly("node-vol");
        assertThat(seen.path("volumeGone").asInt()).isEqualTo(404);
        assertThat(texts(seen.path("events"))).containsExactly("create node-net", "destroy node-net");
    }

    @ParameterizedTest(name = "dockerode {0}")
    @MethodSource("versions")
    void swarmServicesScaleAndGo(String version) throws Exception {
        JsonNode seen = run(version, "swarm.js", "unix");
        assertThat(seen.path("nodeId").asBoolean()).isTrue();
        assertThat(seen.path("swarm").toString()).isEqualTo("{\"id\":true,\"workerToken\":true}");
        assertThat(seen.path("info").asText()).isEqualTo("active");
        assertThat(seen.path("createdId").asBoolean()).isTrue();
        assertThat(seen.path("running").asInt()).isEqualTo(2);
        assertThat(seen.path("mode").toString()).isEqualTo("{\"Replicated\":{\"Replicas\":2}}");
        // service.update sends the spec as the body and every option, version too, in the query
        assertThat(seen.path("scaledRunning").asInt()).isEqualTo(3);
        assertThat(seen.path("scaledMode").toString()).isEqualTo("{\"Replicated\":{\"Replicas\":3}}");
        assertThat(seen.path("versionGrew").asBoolean()).isTrue();
        assertThat(seen.path("stale").path("statusCode").asInt()).isEqualTo(500);
        assertThat(seen.path("stale").path("message").asText()).isEqualTo("rpc error: code = Unknown desc = update out of sequence");
        assertThat(seen.path("taskSlots").toString()).isEqualTo("[1,2,3]");
        assertThat(seen.path("taskContainer").asBoolean()).isTrue();
        assertThat(seen.path("taskService").asBoolean()).isTrue();
        assertThat(seen.path("secret").asText()).isEqualTo("node-secret");
        assertThat(texts(seen.path("services"))).containsExactly("node-web");
        assertThat(seen.path("nodes").toString()).isEqualTo("[[\"manager\",\"ready\"]]");
        assertThat(seen.path("serviceGone").path("statusCode").asInt()).isEqualTo(404);
        assertThat(seen.path("left").asText()).isEqualTo("inactive");
        assertThat(seen.path("notInSwarm").asInt()).isEqualTo(503);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
