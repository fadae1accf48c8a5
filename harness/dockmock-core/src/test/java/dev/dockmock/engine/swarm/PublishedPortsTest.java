package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineCalls;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Published ports in memory: swarmkit's conflict rules and messages, and the ports its allocator hands out. */
class PublishedPortsTest {
    private EngineCalls docker;

    @BeforeEach
    void start() {
        docker = new EngineCalls(Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())));
        ApiResponse init = docker.post("/v1.50/swarm/init", Map.of("ListenAddr", "0.0.0.0:2377", "AdvertiseAddr", "127.0.0.1"));
        assertThat(init.status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        docker.close();
    }

    private static Map<String, Object> service(String name, Map<String, Object> port) {
        return Map.of("Name", name, "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "nginx")),
                "EndpointSpec", Map.of("Ports", List.of(port)));
    }

    private ApiResponse create(String name, Map<String, Object> port) {
        return docker.post("/v1.50/services/create", service(name, port));
    }

    private String created(String name, Map<String, Object> port) {
        ApiResponse response = create(name, port);
        assertThat(response.status()).as(EngineCalls.text(response)).isEqualTo(201);
        return EngineCalls.json(response).path("ID").asText();
    }

    private JsonNode inspect(String id) {
        return EngineCalls.json(docker.call("GET", "/v1.50/services/" + id));
    }

    private int published(String id) {
        return inspect(id).path("Endpoint").path("Ports").get(0).path("PublishedPort").asInt();
    }

    private ApiResponse update(String id, ObjectNode spec) {
        return docker.call("POST", "/v1.50/services/" + id + "/update?version=" + inspect(id).path("Version").path("Index").asLong(),
                Json.bytes(spec), "application/json");
    }

    private static void assertRefused(ApiResponse response, String message) {
        assertThat(response.status()).as(EngineCalls.text(response)).isEqualTo(400);
        assertThat(EngineCalls.json(response).path("message").asText()).isEqualTo("rpc error: code = InvalidArgument desc = " + message);
    }

    @Test
    void hostPortsMayBeSharedButNotWithAnIngressPort() {
        String edge = created("edge", Map.of("TargetPort", 80, "PublishedPort", 9001, "PublishMode", "host"));
        created("edge2", Map.of("TargetPort", 80, "PublishedPort", 9001, "PublishMode", "host"));

        assertRefused(create("web", Map.of("TargetPort", 80, "PublishedPort", 9001)),
                "port '9001' is already in use by service 'edge' (" + edge + ") as a host-published port");
    }

    @Test
    void anIngressPortIsNobodyElses() {
        String web = created("web", Map.of("TargetPort", 80, "PublishedPort", 9002));

        assertRefused(create("edge", Map.of("TargetPort", 80, "PublishedPort", 9002, "PublishMode", "host")),
                "port '9002' is already in use by service 'web' (" + web + ") as an ingress port");
        assertRefused(create("api", Map.of("TargetPort", 8080, "PublishedPort", 9002)),
                "port '9002' is already in use by service 'web' (" + web + ") as an ingress port");
        assertThat(created("dns", Map.of("TargetPort", 53, "PublishedPort", 9002, "Protocol", "udp"))).isNotEmpty();
    }

    @Test
    void portsAskedForAsZeroComeFromTheDynamicRangeAndStay() {
        String first = created("first", Map.of("TargetPort", 80));
        String second = created("second", Map.of("TargetPort", 80, "PublishedPort", 0));
        ObjectNode spec = (ObjectNode) inspect(first).path("Spec").deepCopy();
        spec.with("Labels").put("colour", "blue");

        assertThat(update(first, spec).status()).isEqualTo(200);

        assertThat(published(first)).isEqualTo(30000);
        assertThat(published(second)).isEqualTo(30001);
        assertRefused(create("third", Map.of("TargetPort", 80, "PublishedPort", 30001)),
                "port '30001' is already in use by service 'second' (" + second + ") as an ingress port");
        String host = created("host", Map.of("TargetPort", 80, "PublishMode", "host"));
        assertThat(published(host)).isZero();
    }

    @Test
    void anUpdateMayKeepItsOwnPortsButNotTakeAnothers() {
        String web = created("web", Map.of("TargetPort", 80, "PublishedPort", 9003));
        String api = created("api", Map.of("TargetPort", 80, "PublishedPort", 9004));
        ObjectNode spec = (ObjectNode) inspect(api).path("Spec").deepCopy();
        spec.with("Labels").put("colour", "blue");
        assertThat(update(api, spec).status()).isEqualTo(200);

        ((ObjectNode) spec.path("EndpointSpec").path("Ports").get(0)).put("PublishedPort", 9003);

        assertRefused(update(api, spec), "port '9003' is already in use by service 'web' (" + web + ") as an ingress port");
        assertThat(published(api)).isEqualTo(9004);
    }
}
