package dev.dockmock.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.ContainerStatus;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.containers.StreamFormat;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /containers/{id}/exec}, {@code POST /exec/{id}/start}, inspect and resize. */
public final class ExecRoutes {
    private final EngineContext context;
    private final Containers containers;
    private final Map<String, ExecInstance> execs = new HashMap<>();
    private final ExecRunner runner;

    public ExecRoutes(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
        this.runner = new ExecRunner(context, containers);
    }

    public List<Route> routes() {
        return List.of(
                Route.of("POST", "/containers/{id}/exec", this::create),
                Route.of("POST", "/exec/{id}/start", this::start),
                Route.of("GET", "/exec/{id}/json", this::inspect),
                Route.of("POST", "/exec/{id}/resize", (r, p) -> {
                    ExecInstance exec = get(p.get("id"));
                    exec.resize(dimension(r, "h"), dimension(r, "w"));
                    return ApiResponse.empty(200);
                }));
    }

    private ApiResponse create(ApiRequest request, PathParams params) {
        JsonNode body = Json.parse(request.body().length == 0 ? "{}".getBytes() : request.body());
        dev.dockmock.engine.system.RequestShapes.EXEC_CREATE.check(body);
        List<String> cmd = new ArrayList<>();
        body.path("Cmd").forEach(n -> cmd.add(n.asText()));
        synchronized (context.lock()) {
            Container container = containers.get(params.get("id"));
            if (container.status() == ContainerStatus.PAUSED) {
                throw new DockerException(409, "Container " + container.id() + " is paused, unpause the container before exec");
            }
            if (!container.status().isUp()) {
                throw new DockerException(409, "container " + container.id() + " is not running");
            }
            if (cmd.isEmpty()) {
                throw new DockerException(400, "No exec command specified");
            }
            // HOME is the exec user's, added when it starts (ExecRunner)
            Map<String, String> env = new LinkedHashMap<>(dev.dockmock.engine.containers.RuntimeEnv.of(container.spec(), null));
            body.path("Env").forEach(e -> {
                String entry = e.asText();
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            });
            String workdir = body.path("WorkingDir").asText("");
            ExecInstance exec = new ExecInstance(context.ids().next(), container.id(), cmd, env,
                    workdir.isEmpty() ? container.spec().workingDir() : workdir, body.path("User").asText(""),
                    body.path("Tty").asBoolean(false), body.path("AttachStdin").asBoolean(false),
                    body.path("AttachStdout").asBoolean(false), body.path("AttachStderr").asBoolean(false),
                    body.path("Privileged").asBoolean(false));
            // dockerd forgets a container's exec instances when the container is removed; so must we, or they pile up
            execs.values().removeIf(old -> containers.find(old.containerId()).isEmpty());
            execs.put(exec.id(), exec);
            containers.registerExec(container, exec.id());
            runner.event(container, exec, "exec_create: " + String.join(" ", cmd), Map.of());
            context.changed();
            return ApiResponse.json(201, Json.bytes(Map.of("Id", exec.id())));
        }
    }

    /** A window dimension of a resize: digits, as dockerd's strconv.Atoi takes them. */
    private static int dimension(ApiRequest request, String name) {
        String value = request.query().first(name).orElse("0");
        if (!value.matches("\\d{1,5}")) {
            throw new DockerException(400, "strconv.Atoi: parsing \"" + value + "\": invalid syntax");
        }
        return Integer.parseInt(value);
    }

    private ExecInstance get(String id) {
        synchronized (context.lock()) {
            ExecInstance exec = execs.get(id);
            if (exec == null) {
                throw new DockerException(404, "No such exec instance: " + id);
            }
            return exec;
        }
    }

    private ApiResponse start(ApiRequest request, PathParams params) {
        JsonNode body = Json.parse(request.body().length == 0 ? "{}".getBytes() : request.body());
        ExecInstance exec = get(params.get("id"));
        synchronized (context.lock()) {
            if (exec.started()) {
                throw new DockerException(409, "Error: Exec command " + exec.id() + " is already running");
            }
            Container container = containers.get(exec.containerId());
            if (!container.status().isUp()) {
                throw new DockerException(409, "container " + container.id() + " is not running");
            }
        }
        if (body.path("Detach").asBoolean(false)) {
            runner.start(exec, null, null, false);
            return ApiResponse.empty(200);
        }
        // As dockerd: the start's Tty (false when absent) decides whether the stream is raw, the exec's
        // own Tty whether the process has a terminal; clients that send them apart (dockerode's
        // exec.start({hijack: true}) after a Tty exec) see frames around terminal output.
        boolean raw = body.path("Tty").asBoolean(false);
        JsonNode size = body.path("ConsoleSize");
        if (size.isArray()) {
            exec.resize(size.path(0).asInt(0), size.path(1).asInt(0));
        }
        return ApiResponse.hijacked(StreamFormat.contentType(request, raw), session -> runner.runAttached(exec, session, raw));
    }

    private ApiResponse inspect(ApiRequest request, PathParams params) {
        ExecInstance exec = get(params.get("id"));
        synchronized (context.lock()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("CanRemove", false);
            doc.put("ContainerID", exec.containerId());
            doc.put("DetachKeys", "");
            doc.put("ExitCode", exec.exitCode());
            doc.put("ID", exec.id());
            doc.put("OpenStderr", exec.attachStderr());
            doc.put("OpenStdin", exec.attachStdin());
            doc.put("OpenStdout", exec.attachStdout());
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("arguments", exec.argv().subList(1, exec.argv().size()));
            process.put("entrypoint", exec.argv().get(0));
            process.put("privileged", exec.privileged());
            process.put("tty", exec.tty());
            process.put("user", exec.user());
            doc.put("ProcessConfig", process);
            doc.put("Running", exec.running());
            doc.put("Pid", exec.pid());
            return ApiResponse.json(200, Json.bytes(doc));
        }
    }
}
