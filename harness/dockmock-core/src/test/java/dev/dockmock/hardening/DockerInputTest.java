package dev.dockmock.hardening;

import static dev.dockmock.hardening.BadArchives.buildContext;
import static dev.dockmock.hardening.BadArchives.file;
import static dev.dockmock.hardening.BadArchives.hardlink;
import static dev.dockmock.hardening.BadArchives.hugeMember;
import static dev.dockmock.hardening.BadArchives.of;
import static dev.dockmock.hardening.BadArchives.symlink;
import static dev.dockmock.hardening.BadInput.json;
import static dev.dockmock.hardening.BadInput.tar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed Docker input over a real socket: wrong JSON, wrong types, missing fields, absurd
 * values, bad names and escaping tar archives, on the create, update, exec, build, archive,
 * network and volume endpoints. Each gets dockerd's status and a message naming the field or
 * entry; the engine's state is the same before and after; no file appears on the host.
 */
@Timeout(60)
class DockerInputTest {
    private static final String ESCAPE = "dockmock-escape-" + UUID.randomUUID();
    private static final String ABSOLUTE = "/tmp/" + ESCAPE + "-abs";
    private static final String C = "/v1.50/containers/create";
    private static Engine engine;
    private static DockMockServer server;
    private static ApiCaller api;

    @BeforeAll
    static void start() throws Exception {
        engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none()).withSeedImages(List.of(MixedLoad.IMAGE)));
        server = TestServers.start(Wire.UNIX, engine.dispatcher());
        api = new ApiCaller(server.boundHosts().get(0));
        assertThat(api.post(C + "?name=victim", "{\"Image\":\"alpine:latest\",\"Cmd\":[\"sleep\",\"3600\"]}").status())
                .isEqualTo(201);
        assertThat(api.post("/v1.50/containers/victim/start").status()).isEqualTo(204);
        assertThat(api.post("/v1.50/networks/create", "{\"Name\":\"taken\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        api.close();
        server.close();
        engine.close();
    }

    static Stream<BadInput> inputs() {
        String escapeName = "../../../../../../tmp/" + ESCAPE;
        return Stream.of(
                json("create: truncated JSON", "POST", C, "{\"Image\":", 400, "invalid JSON"),
                json("create: not JSON at all", "POST", C, "Image=alpine", 400, "invalid JSON"),
                json("create: empty body", "POST", C, "", 400, "invalid JSON: got EOF while reading request body"),
                json("create: empty object", "POST", C, "{}", 400, "Config cannot be empty"),
                json("create: Image a number", "POST", C, "{\"Image\":5}", 400, "CreateRequest.Image of type string"),
                json("create: Cmd a number", "POST", C, "{\"Image\":\"alpine:latest\",\"Cmd\":7}", 400, "CreateRequest.Cmd"),
                json("create: Env an object", "POST", C, "{\"Image\":\"alpine:latest\",\"Env\":{\"A\":1}}", 400, "Env"),
                json("create: HostConfig a string", "POST", C, "{\"Image\":\"alpine:latest\",\"HostConfig\":\"x\"}", 400,
                        "HostConfig"),
                json("create: Image missing", "POST", C, "{\"Cmd\":[\"true\"]}", 400, "image"),
                json("create: negative memory", "POST", C, "{\"Image\":\"alpine:latest\",\"HostConfig\":{\"Memory\":-1}}",
                        400, "Minimum memory limit allowed is 6MB"),
                json("create: memory too small", "POST", C, "{\"Image\":\"alpine:latest\",\"HostConfig\":{\"Memory\":1024}}",
                        400, "Minimum memory limit allowed is 6MB"),
                json("create: negative shm size", "POST", C,
                        "{\"Image\":\"alpine:latest\",\"HostConfig\":{\"ShmSize\":-5}}", 400, "SHM size can not be less than 0"),
                json("create: memory a string", "POST", C, "{\"Image\":\"alpine:latest\",\"HostConfig\":{\"Memory\":\"lots\"}}",
                        400, "Memory"),
                json("create: huge CPU count", "POST", C,
                        "{\"Image\":\"alpine:latest\",\"HostConfig\":{\"NanoCpus\":99999999999999999}}", 400, "Range of CPUs"),
                json("create: name with a slash", "POST", C + "?name=a/b", "{\"Image\":\"alpine:latest\"}", 400,
                        "Invalid container name (a/b)"),
                json("create: name with a control character", "POST", C + "?name=a%01b", "{\"Image\":\"alpine:latest\"}", 400,
                        "Invalid container name"),
                json("create: name with dots only", "POST", C + "?name=..", "{\"Image\":\"alpine:latest\"}", 400,
                        "Invalid container name"),
                json("create: invalid restart policy", "POST", C,
                        "{\"Image\":\"alpine:latest\",\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"sometimes\"}}}", 400,
                        "invalid restart policy"),
                json("create: negative restart count", "POST", C, "{\"Image\":\"alpine:latest\",\"HostConfig\":"
                        + "{\"RestartPolicy\":{\"Name\":\"on-failure\",\"MaximumRetryCount\":-1}}}", 400, "maximum retry count"),
                json("update: negative memory", "POST", "/v1.50/containers/victim/update", "{\"Memory\":-1}", 400,
                        "Minimum memory limit allowed is 6MB"),
                json("update: CpuShares a string", "POST", "/v1.50/containers/victim/update", "{\"CpuShares\":\"x\"}", 400,
                        "CpuShares"),
                json("update: truncated JSON", "POST", "/v1.50/containers/victim/update", "{\"Memory\":", 400, "invalid JSON"),
                json("exec: Cmd missing", "POST", "/v1.50/containers/victim/exec", "{\"AttachStdout\":true}", 400,
                        "No exec command specified"),
                json("exec: Cmd a string", "POST", "/v1.50/containers/victim/exec", "{\"Cmd\":\"ls\"}", 400, "ExecOptions.Cmd"),
                json("exec: truncated JSON", "POST", "/v1.50/containers/victim/exec", "{", 400, "invalid JSON"),
                json("network: name missing", "POST", "/v1.50/networks/create", "{}", 400, "name"),
                json("network: name taken", "POST", "/v1.50/networks/create", "{\"Name\":\"taken\"}", 409, "taken"),
                json("network: unknown driver", "POST", "/v1.50/networks/create", "{\"Name\":\"n1\",\"Driver\":\"warp\"}", 404,
                        "warp"),
                json("network: bad subnet", "POST", "/v1.50/networks/create",
                        "{\"Name\":\"n2\",\"IPAM\":{\"Config\":[{\"Subnet\":\"300.1.0.0/16\"}]}}", 400, "300.1.0.0/16"),
                json("network: Name a list", "POST", "/v1.50/networks/create", "{\"Name\":[\"x\"]}", 400, "Name"),
                json("volume: name with a slash", "POST", "/v1.50/volumes/create", "{\"Name\":\"a/b\"}", 400,
                        "includes invalid characters for a local volume name"),
                json("volume: name with a control character", "POST", "/v1.50/volumes/create", "{\"Name\":\"a\\u0001b\"}", 400,
                        "includes invalid characters for a local volume name"),
                json("volume: Labels a list", "POST", "/v1.50/volumes/create", "{\"Name\":\"vv\",\"Labels\":[1]}", 400, "CreateOptions.Labels"),
                json("volume: truncated JSON", "POST", "/v1.50/volumes/create", "{\"Name", 400, "invalid JSON"),
                tar("archive: ../ entry", "PUT", "/v1.50/containers/victim/archive?path=/", of(file("ok"), file(escapeName)),
                        400, escapeName),
                tar("archive: absolute entry", "PUT", "/v1.50/containers/victim/archive?path=/", of(file("ok"), file(ABSOLUTE)),
                        400, ABSOLUTE),
                tar("archive: hard link out", "PUT", "/v1.50/containers/victim/archive?path=/",
                        of(file("ok"), hardlink("h", escapeName)), 400, "\"h\""),
                tar("archive: huge member", "PUT", "/v1.50/containers/victim/archive?path=/", hugeMember("big", "77777777777"),
                        400, "big"),
                tar("archive: not a tar", "PUT", "/v1.50/containers/victim/archive?path=/", "hello".repeat(200).getBytes(), 400,
                        "tar"),
                tar("build: ../ entry", "POST", "/v1.50/build?t=bad:1", buildContext(file(escapeName)), 400, escapeName),
                tar("build: absolute entry", "POST", "/v1.50/build?t=bad:2", buildContext(file(ABSOLUTE)), 400, ABSOLUTE),
                tar("build: huge member", "POST", "/v1.50/build?t=bad:3", hugeMember("Dockerfile", "77777777777"), 400,
                        "Dockerfile"),
                tar("build: hard link out", "POST", "/v1.50/build?t=bad:4", buildContext(hardlink("h", escapeName)), 400,
                        "\"h\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void answeredAsDockerdWithoutChangingState(BadInput input) throws Exception {
        String before = state();
        ApiCaller.Reply reply = api.call(input.method(), input.target(), input.contentType(), input.body());
        assertThat(reply.status()).as("%s", reply.text()).isEqualTo(input.status());
        assertThat(reply.message()).as("%s", reply.text()).contains(input.message());
        assertThat(state()).as("state after a refused call").isEqualTo(before);
        assertThat(Path.of("/tmp", ESCAPE)).doesNotExist();
        assertThat(Path.of(ABSOLUTE)).doesNotExist();
        assertThat(Path.of(ESCAPE)).doesNotExist();
        assertThat(Files.exists(Path.of("/ok"))).isFalse();
    }

    /**
     * A symlink pointing up and out, then a file written through it: dockerd resolves the link
     * inside the container's root, and so does dockmock, in memory; the host never sees the file.
     */
    @org.junit.jupiter.api.Test
    void aFileWrittenThroughAnEscapingSymlinkLandsInsideTheContainer() throws Exception {
        byte[] archive = of(symlink("up", "../../../../../tmp"), file("up/" + ESCAPE));
        ApiCaller.Reply put = api.call("PUT", "/v1.50/containers/victim/archive?path=/", "application/x-tar", archive);
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(api.call("HEAD", "/v1.50/containers/victim/archive?path=/tmp/" + ESCAPE, null).status()).isEqualTo(200);
        assertThat(Path.of("/tmp", ESCAPE)).doesNotExist();
        assertThat(Path.of(ESCAPE)).doesNotExist();
    }

    /** What a client can list: containers with their state, images, networks and volumes. */
    private static String state() throws Exception {
        return (api.get("/v1.50/containers/json?all=1").text() + api.get("/v1.50/images/json?all=1").text()
                + api.get("/v1.50/networks").text() + api.get("/v1.50/volumes").text()
                + api.get("/v1.50/containers/victim/changes").text()).replaceAll("\"Status\":\"Up [^\"]*\"", "");
    }
}
