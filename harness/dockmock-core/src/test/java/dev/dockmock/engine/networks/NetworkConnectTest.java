package dev.dockmock.engine.networks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineClient;
import dev.dockmock.engine.EngineClient.Reply;
import dev.dockmock.engine.events.DockerEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connecting containers to networks and disconnecting them, running or not. */
class NetworkConnectTest {
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

    @Test
    void connectAndDisconnectARunningContainer() {
        String net = createNetwork("{\"Name\":\"extra\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.20.0.0/16\"}]}}");
        String id = docker.run("box", EngineClient.sleeper());

        Reply connected = docker.post("/v1.50/networks/extra/connect", "{\"Container\":\"box\",\"EndpointConfig\":"
                + "{\"Aliases\":[\"b\"],\"IPAMConfig\":{\"IPv4Address\":\"10.20.30.40\"}}}");
        assertThat(connected.status()).isEqualTo(200);
        JsonNode member = docker.get("/v1.50/networks/extra").json().path("Containers").path(id);
        assertThat(member.path("IPv4Address").asText()).isEqualTo("10.20.30.40/16");
        JsonNode networks = docker.get("/v1.50/containers/box/json").json().path("NetworkSettings").path("Networks");
        assertThat(networks.has("bridge")).isTrue();
        assertThat(networks.path("extra").path("IPAddress").asText()).isEqualTo("10.20.30.40");
        assertThat(networks.path("extra").path("Aliases").get(0).asText()).isEqualTo("b");
        DockerEvent connect = docker.events("network").stream().filter(e -> e.action().equals("connect")
                && e.actorId().equals(net)).findFirst().orElseThrow();
        assertThat(connect.attributes()).containsEntry("container", id).containsEntry("name", "extra").containsEntry("type", "bridge");

        assertError(docker.post("/v1.50/networks/extra/connect", "{\"Container\":\"box\"}"), 403,
                "endpoint with name box already exists in network extra");

        assertThat(docker.post("/v1.50/networks/extra/disconnect", "{\"Container\":\"box\"}").status()).isEqualTo(200);
        assertThat(docker.get("/v1.50/networks/extra").json().path("Containers").isEmpty()).isTrue();
        assertThat(docker.get("/v1.50/containers/box/json").json().path("NetworkSettings").path("Networks").has("extra")).isFalse();
        DockerEvent disconnect = docker.events("network").stream().filter(e -> e.action().equals("disconnect")
                && e.actorId().equals(net)).findFirst().orElseThrow();
        assertThat(disconnect.attributes()).containsEntry("container", id);

        assertError(docker.post("/v1.50/networks/extra/disconnect", "{\"Container\":\"box\"}"), 500,
                "container " + id + " is not connected to network extra");
        assertError(docker.post("/v1.50/networks/ghost/disconnect", "{\"Container\":\"box\"}"), 404, "network ghost not found");
    }

    @Test
    void startingAndStoppingConnectsAndDisconnects() {
        String net = createNetwork("{\"Name\":\"lan\"}");
        String id = docker.run("svc", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],\"HostConfig\":{\"NetworkMode\":\"lan\"}}");
        assertThat(docker.post("/v1.50/containers/svc/stop?t=1").status()).isEqualTo(204);
        List<DockerEvent> events = docker.events("network").stream().filter(e -> e.actorId().equals(net)).toList();
        assertThat(events).extracting(DockerEvent::action).containsExactly("create", "connect", "disconnect");
        assertThat(events.get(1).attributes()).containsEntry("container", id).containsEntry("name", "lan");
        assertThat(events.get(2).attributes()).containsEntry("container", id);
        assertThat(docker.get("/v1.50/networks/lan").json().path("Containers").isEmpty()).isTrue();
    }

    @Test
    void connectingAStoppedContainerChangesItsConfigurationOnly() {
        createNetwork("{\"Name\":\"later\"}");
        String id = docker.create("idle", EngineClient.sleeper());
        int events = docker.events("network").size();

        assertThat(docker.post("/v1.50/networks/later/connect", "{\"Container\":\"idle\"}").status()).isEqualTo(200);
        assertThat(docker.post("/v1.50/networks/later/connect", "{\"Container\":\"idle\"}").status()).isEqualTo(200);
        assertThat(docker.events("network")).hasSize(events);
        JsonNode networks = docker.get("/v1.50/containers/idle/json").json().path("NetworkSettings").path("Networks");
        assertThat(networks.has("later")).isTrue();
        assertThat(networks.has("bridge")).isTrue();

        assertThat(docker.post("/v1.50/containers/idle/start").status()).isEqualTo(204);
        assertThat(docker.get("/v1.50/networks/later").json().path("Containers").has(id)).isTrue();
        assertThat(docker.get("/v1.50/networks/bridge").json().path("Containers").has(id)).isTrue();
    }

    @Test
    void disconnectingAStoppedContainer() {
        createNetwork("{\"Name\":\"side\"}");
        String id = docker.create("idle", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],\"HostConfig\":{\"NetworkMode\":\"side\"}}");
        assertThat(docker.post("/v1.50/networks/side/disconnect", "{\"Container\":\"idle\"}").status()).isEqualTo(200);
        assertError(docker.post("/v1.50/networks/side/disconnect", "{\"Container\":\"idle\"}"), 500,
                "container " + id + " is not connected to the network side");
        assertError(docker.post("/v1.50/networks/side/disconnect", "{\"Container\":\"ghost\"}"), 404, "No such container: ghost");
    }

    @Test
    void connectRefusesWhatDockerdRefuses() {
        createNetwork("{\"Name\":\"auto\"}");
        createNetwork("{\"Name\":\"fixed\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.30.0.0/24\"}]}}");
        docker.run("one", EngineClient.sleeper());
        docker.run("two", EngineClient.sleeper());
        docker.post("/v1.50/networks/fixed/connect", "{\"Container\":\"one\",\"EndpointConfig\":{\"IPAMConfig\":{\"IPv4Address\":\"10.30.0.9\"}}}");

        assertError(docker.post("/v1.50/networks/fixed/connect",
                "{\"Container\":\"two\",\"EndpointConfig\":{\"IPAMConfig\":{\"IPv4Address\":\"10.30.0.9\"}}}"), 403, "Address already in use");
        assertError(docker.post("/v1.50/networks/auto/connect",
                "{\"Container\":\"two\",\"EndpointConfig\":{\"IPAMConfig\":{\"IPv4Address\":\"172.18.0.50\"}}}"), 400,
                "invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user "
                        + "configured subnets");
        assertError(docker.post("/v1.50/networks/fixed/connect",
                "{\"Container\":\"two\",\"EndpointConfig\":{\"IPAMConfig\":{\"IPv4Address\":\"10.31.0.9\"}}}"), 400,
                "invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.31.0.9");
        assertError(docker.post("/v1.50/networks/bridge/connect",
                "{\"Container\":\"two\",\"EndpointConfig\":{\"Aliases\":[\"x\"]}}"), 400,
                "invalid endpoint settings:\nnetwork-scoped alias is supported only for containers in user defined networks");
        assertError(docker.post("/v1.50/networks/host/connect", "{\"Container\":\"two\"}"), 400,
                "cannot connect container to host network - container must be created in host network mode");
        assertError(docker.post("/v1.50/networks/auto/connect", "{\"Container\":\"ghost\"}"), 404, "No such container: ghost");
        assertError(docker.post("/v1.50/networks/ghost/connect", "{\"Container\":\"two\"}"), 404, "network ghost not found");
        assertError(docker.post("/v1.50/networks/auto/connect", "{}"), 400, "invalid name or ID supplied: \"\"");
    }

    private static void assertError(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.message()).isEqualTo(message);
    }
}
