package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.clients.scripted.PythonDockerSdk;
import dev.dockmock.clients.scripted.ServedEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker-py (the Python SDK, and so testcontainers-python) against a dockmock engine on a unix
 * socket and on tcp: the scripts under {@code clients/python} make the calls a test suite makes
 * and print what the SDK showed, which is checked here, with every docker-py version found
 * (pyenv's 7.1 and Debian's 5.0.3 here). Skips where no Python has docker-py.
 */
@Timeout(180)
class DockerPyTest {
    private ServedEngine served;

    static List<PythonDockerSdk.Found> sdks() {
        List<PythonDockerSdk.Found> found = PythonDockerSdk.all();
        Assumptions.assumeFalse(found.isEmpty(), "no python3 with docker-py (pip's docker, Debian's python3-docker)");
        return found;
    }

    static Stream<Arguments> sdksAndTransports() {
        return sdks().stream().flatMap(sdk -> Stream.of(Arguments.of(sdk, "unix"), Arguments.of(sdk, "tcp")));
    }

    @BeforeEach
    void start() throws Exception {
        served = ServedEngine.start();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private JsonNode run(PythonDockerSdk.Found sdk, String script, String transport) throws Exception {
        String host = served.host(transport);
        return sdk.client().run("clients/python/" + script, host, Duration.ofSeconds(150)).seen();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("sdksAndTransports")
    void containersShowWhatTheyDid(PythonDockerSdk.Found sdk, String transport) throws Exception {
        JsonNode seen = run(sdk, "containers.py", transport);
        assertThat(seen.path("ping").asBoolean()).isTrue();
        assertThat(seen.path("api").asText()).isEqualTo("1.50");
        assertThat(seen.path("run").asText()).isEqualTo("hi\n");
        assertThat(seen.path("status").asText()).isEqualTo("running");
        assertThat(texts(seen.path("labelled"))).containsExactly("py-box");
        assertThat(seen.path("exec").get(0).asInt()).isEqualTo(3);
        assertThat(seen.path("exec").get(1).asText()).isEqualTo("out\nerr\n");
        assertThat(texts(seen.path("exec_demux"))).containsExactly("out\n", "err\n");
        // every exec_run's output whole: without the pause after the 101 head docker-py lost some
        assertThat(seen.path("exec_repeated").asInt()).isEqualTo(40);
        assertThat(seen.path("put").asBoolean()).isTrue();
        assertThat(texts(seen.path("get"))).containsExactly("f.txt", "11", "hello file\n");
        assertThat(seen.path("exec_cat").asText()).isEqualTo("hello file\n");
        assertThat(texts(seen.path("top"))).containsExactly("UID", "PID");
        assertThat(seen.path("wait").asInt()).as("sh as pid 1 ignores SIGTERM, so stop kills it").isEqualTo(137);
        assertThat(seen.path("logs").asText()).isEqualTo("started\n");
        assertThat(seen.path("attach_logs").asText()).isEqualTo("started\n");
        assertThat(texts(seen.path("streamed"))).containsExactly("1\n", "2\n");
        assertThat(seen.path("not_found").get(0).asInt()).isEqualTo(404);
        assertThat(seen.path("not_found").get(1).asText()).isEqualTo("No such container: py-nothing");
        assertThat(seen.path("image_not_found").asInt()).isEqualTo(404);
        assertThat(seen.path("left")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdks")
    void swarmServicesInEveryModeDockerPySends(PythonDockerSdk.Found sdk) throws Exception {
        JsonNode seen = run(sdk, "swarm.py", "unix");
        assertThat(seen.path("swarm").asBoolean()).isTrue();
        // ServiceMode("replicated", replicas=2) is sent as {"replicated": {"Replicas": 2}}
        assertThat(seen.path("replicated_running").asInt()).isEqualTo(2);
        assertThat(seen.path("replicated_mode").toString()).isEqualTo("{\"Replicated\":{\"Replicas\":2}}");
        assertThat(seen.path("scaled_running").asInt()).isEqualTo(3);
        assertThat(seen.path("scaled_mode").toString()).isEqualTo("{\"Replicated\":{\"Replicas\":3}}");
        assertThat(seen.path("global_mode").toString()).isEqualTo("{\"Global\":{}}");
        assertThat(seen.path("global_running").asInt()).isEqualTo(1);
        if (sdk.hasJobModes()) {
            assertThat(seen.path("job_mode").toString()).isEqualTo("{\"ReplicatedJob\":{\"MaxConcurrent\":1,\"TotalCompletions\":2}}");
        } else {
            assertThat(seen.path("job_mode").isNull()).as("no job modes before docker-py 6.1").isTrue();
        }
        assertThat(seen.path("secret").asText()).isEqualTo("py-secret");
        assertThat(texts(seen.path("services"))).containsExactly("py-every", "py-web");
        assertThat(texts(seen.path("nodes"))).containsExactly("manager");
        assertThat(seen.path("left").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdks")
    void imagesNetworksVolumesAndEvents(PythonDockerSdk.Found sdk) throws Exception {
        JsonNode seen = run(sdk, "resources.py", "tcp");
        assertThat(texts(seen.path("built"))).containsExactly("py-built:1");
        assertThat(texts(seen.path("build_steps"))).containsExactly("Step 1/3 : FROM alpine",
                "Step 2/3 : RUN echo built > /b.txt", "Step 3/3 : CMD cat /b.txt");
        assertThat(seen.path("run_built").asText()).isEqualTo("built\n");
        assertThat(seen.path("tagged").asBoolean()).isTrue();
        assertThat(seen.path("after_remove")).isEmpty();
        assertThat(texts(seen.path("loaded"))).containsExactly("py-built:1");
        assertThat(seen.path("history").asBoolean()).isTrue();
        assertThat(seen.path("network").get(0).asText()).isEqualTo("bridge");
        assertThat(texts(seen.path("network").get(1))).containsExactly("py-member");
        assertThat(texts(seen.path("aliases"))).containsExactly("member");
        assertThat(seen.path("volume_read").asText()).isEqualTo("kept\n");
        assertThat(texts(seen.path("volumes"))).containsExactly("py-vol");
        assertThat(texts(seen.path("events"))).containsExactly("py-net");
        assertThat(texts(seen.path("df"))).containsExactly("BuildCache", "Containers", "Images", "LayersSize", "Volumes");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
