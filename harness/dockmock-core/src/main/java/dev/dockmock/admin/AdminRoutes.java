package dev.dockmock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dockmock.dispatch.Route;
import dev.dockmock.dispatch.Router;
import dev.dockmock.faults.FaultFile;
import dev.dockmock.faults.RequestMatch;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The admin API under {@code /_dockmock/}: journal, verification, state, reset, fixtures, faults,
 * events, daemon restart and the active dispatcher. Bodies may be JSON or YAML. Every route and
 * a curl example for each are in the README.
 */
final class AdminRoutes {
    static final String PREFIX = "/_dockmock/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final DockMockControl control;

    AdminRoutes(DockMockControl control) {
        this.control = control;
    }

    static boolean isAdmin(ApiRequest request) {
        return request.path().startsWith(PREFIX);
    }

    Router router() {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.of("GET", "/_dockmock/journal", (r, p) -> entries(control.journal().entries())));
        routes.add(Route.of("DELETE", "/_dockmock/journal", (r, p) -> done(control.journal()::clear)));
        routes.add(Route.of("POST", "/_dockmock/journal/count", (r, p) -> json(Map.of("count", control.journal().count(match(r))))));
        routes.add(Route.of("POST", "/_dockmock/journal/find", (r, p) -> entries(control.journal().find(match(r)))));
        routes.add(Route.of("GET", "/_dockmock/state", (r, p) -> json(control.state())));
        routes.add(Route.of("POST", "/_dockmock/reset", (r, p) -> done(control::reset)));
        routes.add(Route.of("POST", "/_dockmock/fixtures", (r, p) -> done(() -> control.loadFixtures(r.bodyText()))));
        routes.add(Route.of("GET", "/_dockmock/faults", (r, p) -> json(Map.of("faults", StateDump.faults(control.faults())))));
        routes.add(Route.of("POST", "/_dockmock/faults", (r, p) -> addFaults(r)));
        routes.add(Route.of("DELETE", "/_dockmock/faults", (r, p) -> done(control::clearFaults)));
        routes.add(Route.of("DELETE", "/_dockmock/faults/{name}", (r, p) -> control.faults().remove(p.get("name"))
                ? ApiResponse.empty(204) : ApiResponse.error(404, "no fault named " + p.get("name"))));
        routes.add(Route.of("POST", "/_dockmock/events", (r, p) -> injectEvents(r)));
        routes.add(Route.of("POST", "/_dockmock/daemon/restart", (r, p) -> restart()));
        routes.add(Route.of("GET", "/_dockmock/dispatcher", (r, p) -> json(Map.of("dispatcher", control.activeName()))));
        routes.add(Route.of("PUT", "/_dockmock/dispatcher", (r, p) -> swap(r)));
        routes.addAll(new NodeFaultRoutes(control, AdminRoutes::body).routes());
        return new Router(routes);
    }

    private ApiResponse addFaults(ApiRequest request) {
        try {
            FaultDocument document = FaultDocument.parse(request.bodyText());
            control.apply(document);
            return json(Map.of("added", document.rules().stream().map(rule -> rule.name()).toList(),
                    "faults", StateDump.faults(control.faults())));
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        }
    }

    private ApiResponse injectEvents(ApiRequest request) {
        JsonNode body = body(request);
        try {
            if (body.isArray()) {
                body.forEach(e -> control.injectEvent(FaultDocument.event(e)));
            } else {
                control.injectEvent(FaultDocument.event(body));
            }
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        }
        return ApiResponse.empty(204);
    }

    private ApiResponse restart() {
        try {
            control.restartDaemon();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiResponse.error(503, "interrupted while restarting");
        }
        return json(control.state());
    }

    private ApiResponse swap(ApiRequest request) {
        try {
            control.use(body(request));
            return json(Map.of("dispatcher", control.activeName()));
        } catch (IllegalArgumentException | IOException e) {
            return ApiResponse.error(400, "cannot switch dispatcher: " + e.getMessage());
        }
    }

    private static RequestMatch match(ApiRequest request) {
        try {
            return FaultFile.match(body(request));
        } catch (IllegalArgumentException e) {
            throw new DockerException(400, e.getMessage());
        }
    }

    private static JsonNode body(ApiRequest request) {
        if (request.body().length == 0) {
            return YAML.createObjectNode();
        }
        try {
            JsonNode node = YAML.readTree(request.body());
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw new DockerException(400, "body is not JSON or YAML: " + e.getMessage());
        }
    }

    private static ApiResponse entries(List<JournalEntry> entries) {
        return json(Map.of("requests", entries.stream().map(JournalEntry::document).toList()));
    }

    private static ApiResponse done(Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        }
        return ApiResponse.empty(204);
    }

    private static ApiResponse json(Object document) {
        return ApiResponse.json(200, Json.bytes(document));
    }
}
