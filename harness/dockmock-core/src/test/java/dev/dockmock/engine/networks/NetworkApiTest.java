package dev.dockmock.engine.networks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineClient;
import dev.dockmock.engine.EngineClient.Reply;
import dev.dockmock.engine.events.DockerEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listing, inspecting, creating, removing and pruning networks, in memory. */
class NetworkApiTest {
    private final EngineClient docker = new EngineClient();

    @AfterEach
    void close() {
        docker.close();
    }

    private String createNetwork(String body) {
        Reply reply = docker.post("/v1.50/networks/create", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("Id").asText();
    }

    private static List<String> names(Reply list) {
        List<String> names = new ArrayList<>();
        list.json().forEach(n -> names.add(n.path("Name").asText()));
        return names;
    }

    private Reply list(String filters) {
        return docker.get("/v1.50/networks?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));
    }

    @Test
    void predefinedNetworksAreListedAndInspectable() {
        Reply list = docker.get("/v1.50/networks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(names(list)).containsExactly("bridge", "host", "none");
        assertThat(list.json().get(0).path("Containers").isEmpty()).isTrue();

        JsonNode bridge = docker.get("/v1.50/networks/bridge").json();
        assertThat(bridge.path("Driver").asText()).isEqualTo("bridge");
        assertThat(bridge.path("Scope").asText()).isEqualTo("local");
        assertThat(bridge.path("IPAM").path("Driver").asText()).isEqualTo("default");
        assertThat(bridge.path("IPAM").path("Config").get(0).path("Subnet").asText()).isEqualTo("127.17.0.0/16");
        assertThat(bridge.path("IPAM").path("Config").get(0).path("Gateway").asText()).isEqualTo("127.17.0.1");
        assertThat(bridge.path("Options").path("com.docker.network.bridge.default_bridge").asText()).isEqualTo("true");
        assertThat(docker.get("/v1.50/networks/none").json().path("Driver").asText()).isEqualTo("null");
        assertThat(docker.get("/networks/").status()).isEqualTo(200);
    }

    @Test
    void createHonoursItsRequestAndPublishesAnEvent() {
        Reply reply = docker.post("/v1.50/networks/create", "{\"Name\":\"backend\",\"Internal\":true,\"Attachable\":true,"
                + "\"Labels\":{\"team\":\"a\"},\"Options\":{\"com.docker.network.driver.mtu\":\"1400\"}}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("Warning").asText()).isEmpty();
        assertThat(reply.json().has("Warning")).isTrue();
        String id = reply.json().path("Id").asText();
        assertThat(id).matches("[0-9a-f]{64}");

        JsonNode network = docker.get("/v1.50/networks/backend").json();
        assertThat(network.path("Id").asText()).isEqualTo(id);
        assertThat(network.path("Driver").asText()).isEqualTo("bridge");
        assertThat(network.path("Internal").asBoolean()).isTrue();
        assertThat(network.path("Attachable").asBoolean()).isTrue();
        assertThat(network.path("Labels").path("team").asText()).isEqualTo("a");
        assertThat(network.path("Options").path("com.docker.network.driver.mtu").asText()).isEqualTo("1400");
        assertThat(network.path("IPAM").path("Config").get(0).path("Subnet").asText()).isEqualTo("172.18.0.0/16");
        assertThat(network.path("IPAM").path("Config").get(0).path("Gateway").asText()).isEqualTo("172.18.0.1");
        assertThat(docker.get("/v1.50/networks/" + id.substring(0, 6)).json().path("Name").asText()).isEqualTo("backend");

        DockerEvent event = docker.events("network").get(0);
        assertThat(event.action()).isEqualTo("create");
        assertThat(event.actorId()).isEqualTo(id);
        assertThat(event.attributes()).containsEntry("name", "backend").containsEntry("type", "bridge");
    }

    @Test
    void createChoosesFreeSubnetsAndHonoursTheClientsOwn() {
        createNetwork("{\"Name\":\"mine\",\"IPAM\":{\"Driver\":\"default\",\"Config\":[{\"Subnet\":\"172.19.0.0/16\"}]}}");
        createNetwork("{\"Name\":\"auto\"}");
        createNetwork("{\"Name\":\"small\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.9.8.0/24\",\"Gateway\":\"10.9.8.254\","
                + "\"IPRange\":\"10.9.8.128/25\"}]}}");

        assertThat(docker.get("/v1.50/networks/mine").json().path("IPAM").path("Config").get(0).path("Gateway").asText())
                .isEqualTo("172.19.0.1");
        assertThat(docker.get("/v1.50/networks/auto").json().path("IPAM").path("Config").get(0).path("Subnet").asText())
                .isEqualTo("172.18.0.0/16");
        JsonNode small = docker.get("/v1.50/networks/small").json().path("IPAM").path("Config").get(0);
        assertThat(small.path("Subnet").asText()).isEqualTo("10.9.8.0/24");
        assertThat(small.path("Gateway").asText()).isEqualTo("10.9.8.254");
        assertThat(small.path("IPRange").asText()).isEqualTo("10.9.8.128/25");

        docker.run("web", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],\"HostConfig\":{\"NetworkMode\":\"small\"}}");
        JsonNode member = docker.get("/v1.50/networks/small").json().path("Containers").elements().next();
        assertThat(member.path("IPv4Address").asText()).isEqualTo("10.9.8.129/24");
    }

    @Test
    void createRefusesWhatDockerdRefuses() {
        createNetwork("{\"Name\":\"taken\"}");
        assertError(docker.post("/v1.50/networks/create", "{\"Name\":\"taken\"}"), 409, "network with name taken already exists");
        assertError(docker.post("/v1.50/networks/create", "{}"), 400, "invalid name: name is empty");
        assertError(docker.post("/v1.50/networks/create", "{\"Name\":\"bridge\"}"), 403,
                "operation is not permitted on predefined bridge network ");
        assertError(docker.post("/v1.50/networks/create", "{\"Name\":\"o\",\"Driver\":\"overlay\"}"), 403,
                "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to "
                        + "swarm and try again.");
        assertError(docker.post("/v1.50/networks/create", "{\"Name\":\"x\",\"Driver\":\"weave\"}"), 404, "plugin \"weave\" not found");
        assertError(docker.post("/v1.50/networks/create", "{\"Name\":\"h\",\"Driver\":\"host\"}"), 403,
                "only one instance of \"host\" network is allowed");
        assertError(docker.post("/v1.50/networks/create", "{\"Name\":\"s\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.0.0.0/33\"}]}}"),
                400, "invalid network config:\ninvalid subnet 10.0.0.0/33: invalid CIDR block notation");
        assertError(docker.post("/v1.50/networks/create", "{\"Name\":\"s\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.0.0.1/24\"}]}}"),
                400, "invalid network config:\ninvalid subnet 10.0.0.1/24: it should be 10.0.0.0/24");
        assertError(docker.post("/v1.50/networks/create",
                "{\"Name\":\"s\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.0.0.0/24\",\"Gateway\":\"10.0.1.1\"}]}}"),
                400, "invalid network config:\ninvalid gateway 10.0.1.1: parent subnet 10.0.0.0/24 doesn't contain this address");
        assertError(docker.post("/v1.50/networks/create", "{\"Name\":\"s\",\"IPAM\":{\"Config\":[{\"Subnet\":\"127.17.5.0/24\"}]}}"),
                403, "invalid pool request: Pool overlaps with other one on this address space");
        assertError(docker.post("/v1.50/networks/create", "[1]"), 400,
                "invalid JSON: json: cannot unmarshal array into Go value of type object");
        assertThat(docker.raw("POST", "/v1.50/networks/create", "{\"Name\":\"t\"}", dev.dockmock.protocol.Headers.of(
                "Content-Type", "text/plain")).status()).isEqualTo(400);
    }

    @Test
    void listFiltersAsDockerdDoes() {
        String id = createNetwork("{\"Name\":\"front\",\"Labels\":{\"tier\":\"web\",\"env\":\"prod\"}}");
        createNetwork("{\"Name\":\"back\",\"Labels\":{\"tier\":\"db\"}}");
        docker.run("db", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],\"HostConfig\":{\"NetworkMode\":\"back\"}}");

        assertThat(names(list("{\"driver\":[\"null\"]}"))).containsExactly("none");
        assertThat(names(list("{\"name\":[\"fro\"]}"))).containsExactly("front");
        assertThat(names(list("{\"name\":[\"^b\"]}"))).containsExactly("bridge", "back");
        assertThat(names(list("{\"id\":[\"" + id.substring(0, 8) + "\"]}"))).containsExactly("front");
        assertThat(names(list("{\"label\":[\"tier\"]}"))).containsExactly("front", "back");
        assertThat(names(list("{\"label\":{\"tier=web\":true,\"env=prod\":true}}"))).containsExactly("front");
        assertThat(names(list("{\"scope\":[\"local\"]}"))).hasSize(5);
        assertThat(names(list("{\"scope\":[\"swarm\"]}"))).isEmpty();
        assertThat(names(list("{\"type\":[\"custom\"]}"))).containsExactly("front", "back");
        assertThat(names(list("{\"type\":[\"builtin\"]}"))).containsExactly("bridge", "host", "none");
        assertThat(names(list("{\"dangling\":[\"true\"]}"))).containsExactly("front");
        assertThat(names(list("{\"dangling\":[\"0\"]}"))).containsExactly("bridge", "host", "none", "back");

        assertError(list("{\"colour\":[\"red\"]}"), 400, "invalid filter 'colour'");
        assertError(list("{\"type\":[\"odd\"]}"), 500, "invalid filter: 'type'='odd'");
        assertError(list("{\"dangling\":[\"maybe\"]}"), 400,
                "invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")");
        assertError(list("{\"dangling\":[\"true\",\"false\"]}"), 400, "got more than one value for filter key \"dangling\"");
    }

    @Test
    void inspectShowsRunningContainersOnly() {
        createNetwork("{\"Name\":\"app\"}");
        String running = docker.run("api", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],\"HostConfig\":{\"NetworkMode\":\"app\"}}");
        docker.create("idle", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],\"HostConfig\":{\"NetworkMode\":\"app\"}}");

        JsonNode containers = docker.get("/v1.50/networks/app?verbose=true").json().path("Containers");
        assertThat(containers.size()).isEqualTo(1);
        JsonNode api = containers.path(running);
        assertThat(api.path("Name").asText()).isEqualTo("api");
        assertThat(api.path("EndpointID").asText()).matches("[0-9a-f]{64}");
        assertThat(api.path("MacAddress").asText()).isEqualTo("02:42:ac:12:00:02");
        assertThat(api.path("IPv4Address").asText()).isEqualTo("172.18.0.2/16");
        assertThat(api.path("IPv6Address").asText()).isEmpty();
        JsonNode endpoint = docker.get("/v1.50/containers/api/json").json().path("NetworkSettings").path("Networks").path("app");
        assertThat(endpoint.path("EndpointID").asText()).isEqualTo(api.path("EndpointID").asText());

        assertError(docker.get("/v1.50/networks/app?verbose=maybe"), 400,
                "invalid value for verbose: maybe: strconv.ParseBool: parsing \"maybe\": invalid syntax");
        assertError(docker.get("/v1.50/networks/app?scope=swarm"), 404, "network app not found");
        assertThat(docker.get("/v1.50/networks/app?scope=local").status()).isEqualTo(200);
        assertError(docker.get("/v1.50/networks/nowhere"), 404, "network nowhere not found");
    }

    @Test
    void removeRefusesPredefinedAndBusyNetworks() {
        String id = createNetwork("{\"Name\":\"busy\"}");
        docker.run("c1", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],\"HostConfig\":{\"NetworkMode\":\"busy\"}}");
        String endpoint = docker.get("/v1.50/containers/c1/json").json().path("NetworkSettings").path("Networks").path("busy")
                .path("EndpointID").asText();

        assertError(docker.delete("/v1.50/networks/bridge"), 403, "bridge is a pre-defined network and cannot be removed");
        assertError(docker.delete("/v1.50/networks/none"), 403, "none is a pre-defined network and cannot be removed");
        assertError(docker.delete("/v1.50/networks/busy"), 403, "error while removing network: network busy has active endpoints "
                + "(name:\"c1\" id:\"" + endpoint.substring(0, 12) + "\")");
        assertError(docker.delete("/v1.50/networks/ghost"), 404, "network ghost not found");

        assertThat(docker.delete("/v1.50/containers/c1?force=1").status()).isEqualTo(204);
        assertThat(docker.delete("/v1.50/networks/" + id.substring(0, 10)).status()).isEqualTo(204);
        assertThat(docker.get("/v1.50/networks/busy").status()).isEqualTo(404);
        DockerEvent destroy = docker.events("network").stream().filter(e -> e.action().equals("destroy")).findFirst().orElseThrow();
        assertThat(destroy.actorId()).isEqualTo(id);
        assertThat(destroy.attributes()).containsEntry("name", "busy").containsEntry("type", "bridge");
    }

    @Test
    void stoppedContainersDoNotKeepANetworkFromBeingRemoved() {
        createNetwork("{\"Name\":\"quiet\"}");
        docker.create("sleeper", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],\"HostConfig\":{\"NetworkMode\":\"quiet\"}}");
        assertThat(docker.delete("/v1.50/networks/quiet").status()).isEqualTo(204);
    }

    @Test
    void pruneRemovesUnusedUserNetworks() {
        createNetwork("{\"Name\":\"unused\",\"Labels\":{\"keep\":\"no\"}}");
        createNetwork("{\"Name\":\"kept\",\"Labels\":{\"keep\":\"yes\"}}");
        createNetwork("{\"Name\":\"used\"}");
        docker.run("user", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],\"HostConfig\":{\"NetworkMode\":\"used\"}}");

        Reply labelled = docker.post("/v1.50/networks/prune?filters=" + URLEncoder.encode("{\"label\":[\"keep=no\"]}", StandardCharsets.UTF_8));
        assertThat(labelled.json().path("NetworksDeleted")).hasSize(1);
        Reply all = docker.post("/v1.50/networks/prune");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("NetworksDeleted").get(0).asText()).isEqualTo("kept");
        assertThat(all.json().path("NetworksDeleted")).hasSize(1);
        assertThat(docker.post("/v1.50/networks/prune").json().path("NetworksDeleted").isNull()).isTrue();
        assertThat(names(docker.get("/v1.50/networks"))).containsExactly("bridge", "host", "none", "used");
        assertThat(docker.events("network").stream().filter(e -> e.action().equals("prune")).findFirst().orElseThrow().attributes())
                .containsEntry("reclaimed", "0");
        assertError(docker.post("/v1.50/networks/prune?filters=" + URLEncoder.encode("{\"dangling\":[\"true\"]}", StandardCharsets.UTF_8)),
                400, "invalid filter 'dangling'");
        createNetwork("{\"Name\":\"recent\"}");
        assertThat(docker.post("/v1.50/networks/prune?filters=" + URLEncoder.encode("{\"until\":[\"1h\"]}", StandardCharsets.UTF_8))
                .json().path("NetworksDeleted").isNull()).isTrue();
        assertThat(docker.post("/v1.50/networks/prune?filters=" + URLEncoder.encode("{\"until\":[\"soon\"]}", StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
    }

    private static void assertError(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.message()).isEqualTo(message);
    }
}
