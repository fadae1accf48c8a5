package dev.dockmock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.Json;
import dev.dockmock.upstream.UpstreamBody;
import dev.dockmock.upstream.UpstreamClient;
import dev.dockmock.upstream.UpstreamResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The admin API of a dockmock running elsewhere ({@code dockmock serve --admin}), from Java: the
 * same operations as {@link DockMockControl}, over its unix socket or tcp host. Bodies are YAML
 * or JSON text, as in the fault files. A refusal throws {@link DockerException} with the
 * server's status and message.
 *
 * <pre>{@code
 * AdminClient admin = AdminClient.of("unix:///tmp/dockmock-me/docker.sock");
 * admin.addFaults("faults: [{match: {path: /info}, times: 1, transport: reset}]");
 * int pulls = admin.count("{method: POST, path: /images/create}");
 * }</pre>
 */
public final class AdminClient {
    private final UpstreamClient http;

    private AdminClient(UpstreamClient http) {
        this.http = http;
    }

    /** A client of the admin API on {@code host} (a Docker host string). */
    public static AdminClient of(String host) {
        return new AdminClient(UpstreamClient.of(DockerHost.parse(host)));
    }

    public JsonNode journal() {
        return call("GET", "journal", null).path("requests");
    }

    /** How many journal entries match a request match ({@code {method: GET, path: /version}}). */
    public int count(String match) {
        return call("POST", "journal/count", match).path("count").asInt();
    }

    public JsonNode find(String match) {
        return call("POST", "journal/find", match).path("requests");
    }

    public void clearJournal() {
        call("DELETE", "journal", null);
    }

    public JsonNode state() {
        return call("GET", "state", null);
    }

    public void reset() {
        call("POST", "reset", null);
    }

    /** Loads an engine fixture; the engine starts afresh with it. */
    public void loadFixtures(String fixture) {
        call("POST", "fixtures", fixture);
    }

    /** Applies a fault document ({@code faults:}, {@code engine:}, {@code events:}); answers the rules in force. */
    public JsonNode addFaults(String document) {
        return call("POST", "faults", document);
    }

    public JsonNode faults() {
        return call("GET", "faults", null).path("faults");
    }

    public void removeFault(String name) {
        call("DELETE", "faults/" + name, null);
    }

    public void clearFaults() {
        call("DELETE", "faults", null);
    }

    /** Publishes one event (or a list) on the engine's stream. */
    public void injectEvents(String events) {
        call("POST", "events", events);
    }

    /** Restarts the "daemon": connections dropped, containers stopped and restarted by policy. */
    public JsonNode restartDaemon() {
        return call("POST", "daemon/restart", null);
    }

    public String dispatcher() {
        return call("GET", "dispatcher", null).path("dispatcher").asText();
    }

    /** Switches the active dispatcher ({@code {kind: replay, cassette: FILE}}); answers its name. */
    public String useDispatcher(String settings) {
        return call("PUT", "dispatcher", settings).path("dispatcher").asText();
    }

    /** The swarm's nodes: {@code {"leader": "manager1", "nodes": [{"name", "id", "role", "leader", "reach", "state", "availability", "hosts"}]}}. */
    public JsonNode nodes() {
        return call("GET", "nodes", null);
    }

    /**
     * Applies a node fault to the node named {@code node} (name, node id, id prefix, or {@code
     * leader}): {@code down}, {@code up}, {@code partition}, {@code heal}, {@code drain},
     * {@code pause}, {@code active} or {@code demote}; answers the nodes as {@link #nodes()} does.
     */
    public JsonNode nodeFault(String node, String fault) {
        return call("POST", "nodes/" + node + "/faults", Json.mapper().createObjectNode().put("fault", fault).toString());
    }

    /** Takes the leader down; answers the nodes with {@code killed}, the old leader's name. */
    public JsonNode killLeader() {
        return call("POST", "swarm/kill-leader", null);
    }

    /** How long the swarm stays without a leader after losing it ({@code 2s}, {@code 500ms}; {@code 0s}: at once). */
    public JsonNode electionTimeout(String timeout) {
        return call("PUT", "swarm/election-timeout", Json.mapper().createObjectNode().put("timeout", timeout).toString());
    }

    private JsonNode call(String method, String path, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Headers headers = body == null ? Headers.of("Host", "dockmock")
                : Headers.of("Host", "dockmock", "Content-Type", "application/yaml");
        ApiRequest request = ApiRequest.of(method, AdminRoutes.PREFIX + path, headers, bytes, ClientInfo.inMemory());
        try (UpstreamResponse response = http.send(request)) {
            byte[] data = response.body() instanceof UpstreamBody.Bytes b ? b.data() : new byte[0];
            JsonNode document = data.length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(data);
            if (response.status() >= 400) {
                throw new DockerException(response.status(), document.path("message").asText(response.reason()));
            }
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("admin API at " + http.host() + " unreachable: " + e.getMessage(), e);
        }
    }
}
