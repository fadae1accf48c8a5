package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.Filters;
import dev.dockmock.engine.process.ProcessList;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** top (the container's process table: its main process, running execs and their children), stats, resize, update and prune. */
public final class ContainerExtraRoutes {
    private final EngineContext context;
    private final Containers containers;
    private final Lifecycle lifecycle;

    public ContainerExtraRoutes(EngineContext context, Containers containers, Lifecycle lifecycle) {
        this.context = context;
        this.containers = containers;
        this.lifecycle = lifecycle;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("GET", "/containers/{id}/top", this::top),
                Route.of("GET", "/containers/{id}/stats", (r, p) -> new StatsStream(context, containers).respond(r, p.get("id"))),
                Route.of("POST", "/containers/{id}/resize", this::resize),
                Route.of("POST", "/containers/{id}/update", this::update),
                Route.of("POST", "/containers/prune", this::prune));
    }

    private ApiResponse top(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            Container c = containers.get(params.get("id"));
            if (!c.status().isUp()) {
                throw new DockerException(409, "container " + c.id() + " is not running");
            }
            String stime = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC).format(c.startedAt());
            List<List<String>> processes = new ArrayList<>();
            // the container's process table with host pids: its pid 1 is c.pid(), the others follow it
            int shim = c.pid() - 20;
            for (ProcessList.Entry process : c.processes().main().entries()) {
                String user = process.user().isEmpty() ? "root" : process.user().replaceFirst(":.*", "");
                int ppid = process.ppid() == 0 ? shim : c.pid() + process.ppid() - 1;
                processes.add(List.of(user, String.valueOf(c.pid() + process.pid() - 1), String.valueOf(ppid), "0", stime, "?",
                        "00:00:00", String.join(" ", process.argv())));
            }
            return ApiResponse.json(200, Json.bytes(Map.of(
                    "Titles", List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"),
                    "Processes", processes)));
        }
    }

    private ApiResponse resize(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            Container c = containers.get(params.get("id"));
            if (!c.status().isUp()) {
                throw new DockerException(409, "Container " + c.id() + " is not running");
            }
            for (String dimension : new String[] {"h", "w"}) {
                String value = request.query().first(dimension).orElse("0");
                if (!value.matches("\\d{1,5}")) {
                    throw new DockerException(400, "strconv.Atoi: parsing \"" + value + "\": invalid syntax");
                }
            }
            int rows = Integer.parseInt(request.query().first("h").orElse("0"));
            int columns = Integer.parseInt(request.query().first("w").orElse("0"));
            lifecycle.terminal(c).ifPresent(terminal -> terminal.resize(rows, columns));
            return ApiResponse.empty(200);
        }
    }

    private ApiResponse update(ApiRequest request, PathParams params) {
        JsonNode body = Json.parse(request.body().length == 0 ? "{}".getBytes() : request.body());
        dev.dockmock.engine.system.RequestShapes.CONTAINER_UPDATE.check(body);
        synchronized (context.lock()) {
            Container c = containers.get(params.get("id"));
            ObjectNode host = c.spec().hostConfig();
            ObjectNode probe = host.deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                probe.set(field.getKey(), field.getValue());
            }
            HostConfigDefaults.apply(probe);
            c.updateHostConfig(probe);
            new ContainerEvents(context.events()).publish(c, "update");
            context.changed();
            return ApiResponse.json(200, Json.bytes(Map.of("Warnings", List.of())));
        }
    }

    private ApiResponse prune(ApiRequest request, PathParams params) throws DockerException {
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(Set.of("until", "label", "label!"));
        List<String> deleted = new ArrayList<>();
        List<Container> candidates;
        synchronized (context.lock()) {
            Instant until = filters.get("until").isEmpty() ? null : LogStream.time(filters.get("until").get(0));
            candidates = containers.all().stream()
                    .filter(c -> !c.status().isUp())
                    .filter(c -> filters.labelsMatch("label", c.spec().labels()))
                    .filter(c -> filters.get("label!").stream().noneMatch(l -> labelHolds(l, c.spec().labels())))
                    .filter(c -> until == null || c.created().isBefore(until))
                    .toList();
        }
        for (Container c : candidates) {
            try {
                lifecycle.remove(c.id(), false);
                deleted.add(c.id());
            } catch (DockerException e) {
                // it started again meanwhile; prune leaves it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (context.lock()) {
            context.events().publish("container", "prune", "", Map.of("reclaimed", "0"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ContainersDeleted", deleted.isEmpty() ? null : deleted);
        answer.put("SpaceReclaimed", 0);
        return ApiResponse.json(200, Json.bytes(answer));
    }

    private static boolean labelHolds(String wanted, Map<String, String> labels) {
        int eq = wanted.indexOf('=');
        return eq < 0 ? labels.containsKey(wanted) : wanted.substring(eq + 1).equals(labels.get(wanted.substring(0, eq)));
    }
}
