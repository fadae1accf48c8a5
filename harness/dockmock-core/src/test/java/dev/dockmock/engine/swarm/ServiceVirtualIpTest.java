package dev.dockmock.engine.swarm;

import static dev.dockmock.engine.EngineCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineCalls;
import dev.dockmock.engine.networks.AddressBook;
import dev.dockmock.protocol.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Service virtual IPs and the swarm's network removal rules on one engine, through the API: one
 * VIP per network, ingress first for a published port, none in dnsrr mode, kept across an
 * update, given back with the service; swarmkit's refusals to remove a network in use.
 */
@Timeout(60)
class ServiceVirtualIpTest {
    private EngineCalls docker;

    @BeforeEach
    void start() {
        docker = EngineCalls.swarmManager();
    }

    @AfterEach
    void stop() {
        docker.close();
    }


    private String network(String name) {
        return ok(docker.post("/v1.50/networks/create", Map.of("Name", name, "Driver", "overlay"))).path("Id").asText();
    }

    private String service(String name, String network, Map<String, Object> endpointSpec) {
        return ok(docker.post("/v1.50/services/create", Map.of("Name", name, "EndpointSpec", endpointSpec,
                "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", "alpine:latest", "Args", List.of("sleep", "60")),
                        "Networks", List.of(Map.of("Target", network)))))).path("ID").asText();
    }

    private JsonNode vips(String serviceId) {
        return ok(docker.call("GET", "/v1.50/services/" + serviceId)).path("Endpoint").path("VirtualIPs");
    }

    @Test
    void eachNetworkGivesAVirtualIpFromItsPoolAndTakesItBackWithTheService() {
        String ov = network("ov");
        String first = service("first", "ov", Map.of());
        String second = service("second", ov.substring(0, 8), Map.of("Mode", "vip"));

        assertThat(vips(first).toString()).isEqualTo("[{\"NetworkID\":\"" + ov + "\",\"Addr\":\"10.0.1.2/24\"}]");
        String secondVip = vips(second).get(0).path("Addr").asText();
        assertThat(secondVip).matches("10\\.0\\.1\\.\\d+/24").isNotEqualTo("10.0.1.2/24");
        ok(docker.call("DELETE", "/v1.50/services/" + first));
        AddressBook pool = pool(ov);
        assertThat(pool.reserve("10.0.1.2")).as("the removed service's VIP is free again").isTrue();
        assertThat(pool.reserve(secondVip.substring(0, secondVip.indexOf('/')))).as("a live service's VIP is taken").isFalse();
    }

    private AddressBook pool(String networkId) {
        ClusterState cluster = docker.engine().swarm().membership().cluster();
        synchronized (cluster.lock()) {
            return cluster.networks.get(networkId).orElseThrow().addresses();
        }
    }

    @Test
    void aPublishedPortPutsTheServiceOnIngressFirstAndDnsRoundRobinHasNoVirtualIp() {
        network("ov");
        String ingress = ok(docker.call("GET", "/v1.50/networks/ingress")).path("Id").asText();
        String published = service("web", "ov", Map.of("Ports", List.of(Map.of("TargetPort", 80, "PublishedPort", 18080))));
        String rr = service("rr", "ov", Map.of("Mode", "dnsrr"));

        assertThat(vips(published).findValuesAsText("NetworkID")).hasSize(2).first().isEqualTo(ingress);
        assertThat(vips(published).get(0).path("Addr").asText()).startsWith("10.0.0.");
        assertThat(vips(rr).isMissingNode()).isTrue();
        assertThat(ok(docker.call("GET", "/v1.50/networks/ingress")).path("Ingress").asBoolean()).isTrue();
        ApiResponse refused = docker.call("DELETE", "/v1.50/networks/ingress");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(EngineCalls.json(refused).path("message").asText()).isEqualTo("rpc error: code = FailedPrecondition desc = "
                + "ingress network cannot be removed because service " + published + " depends on it");
    }

    @Test
    void anUnusedSwarmNetworkIsRemovedAndOneInUseIsNot() {
        String ov = network("ov");
        network("spare");
        String id = service("app", "ov", Map.of());

        ApiResponse refused = docker.call("DELETE", "/v1.50/networks/ov");
        ok(docker.call("DELETE", "/v1.50/networks/spare"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(EngineCalls.json(refused).path("message").asText())
                .isEqualTo("rpc error: code = FailedPrecondition desc = network " + ov + " is in use by service " + id);
        assertThat(docker.call("GET", "/v1.50/networks/spare").status()).isEqualTo(404);
        assertThat(ok(docker.call("GET", "/v1.50/networks/ov")).path("Scope").asText()).isEqualTo("swarm");
    }
}
