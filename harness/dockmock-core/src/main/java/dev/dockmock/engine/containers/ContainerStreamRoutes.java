package dev.dockmock.engine.containers;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.OutputLog;
import dev.dockmock.engine.process.StdinPipe;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.HijackedStream;
import dev.dockmock.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Attach and wait: the routes that hold a connection while a container runs. */
public final class ContainerStreamRoutes {
    private final EngineContext context;
    private final Containers containers;
    private final Lifecycle lifecycle;

    public ContainerStreamRoutes(EngineContext context, Containers containers, Lifecycle lifecycle) {
        this.context = context;
        this.containers = containers;
        this.lifecycle = lifecycle;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("POST", "/containers/{id}/attach", this::attach),
                Route.of("GET", "/containers/{id}/attach/ws", (r, p) -> new WebSocketAttach(context, containers, lifecycle).attach(r, p.get("id"))),
                Route.of("POST", "/containers/{id}/wait", this::await),
                Route.of("GET", "/containers/{id}/logs", (r, p) -> new LogStream(context, containers).respond(r, p.get("id"))));
    }

    private ApiResponse attach(ApiRequest request, PathParams params) {
        Container container;
        long position;
        int target;
        synchronized (context.lock()) {
            container = containers.get(params.get("id"));
            if (container.status() == ContainerStatus.PAUSED) {
                throw new DockerException(409, "You cannot attach to a paused container, unpause it first");
            }
            OutputLog log = container.log();
            boolean replay = request.query().flag("logs", false);
            position = replay ? 0 : log.end();
            target = log.attachTarget();
            new ContainerEvents(context.events()).publish(container, "attach");
        }
        boolean tty = container.spec().tty();
        boolean wantStdin = request.query().flag("stdin", false);
        boolean stdout = request.query().flag("stdout", false);
        boolean stderr = request.query().flag("stderr", false);
        boolean stream = request.query().flag("stream", false);
        Container attached = container;
        return ApiResponse.hijacked(StreamFormat.contentType(request, tty), session -> {
            if (wantStdin && attached.spec().openStdin()) {
                copyStdin(attached, session);
            }
            OutputStream out = session.output();
            OutputFollower.follow(attached.log(), position, target, stream, stdout, stderr,
                    entry -> out.write(StreamFormat.encode(entry.stream(), entry.data(), tty)));
        });
    }

    /** Copies what the client sends into the container's stdin until the client half-closes. */
    void copyStdin(Container container, HijackedStream session) {
        Thread copier = new Thread(() -> {
            InputStream in = session.input();
            byte[] buffer = new byte[8192];
            StdinPipe pipe = null;
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    pipe = pipe != null ? pipe : awaitStdin(container);
                    if (pipe == null) {
                        return;
                    }
                    pipe.write(buffer, 0, n);
                }
                pipe = pipe != null ? pipe : lifecycle.stdin(container).orElse(null);
                if (pipe != null && container.spec().stdinOnce()) {
                    pipe.close();
                }
            } catch (IOException | InterruptedException e) {
                // the client went away or the container ended
            }
        }, "dockmock-stdin-" + container.shortId());
        copier.setDaemon(true);
        copier.start();
    }

    private StdinPipe awaitStdin(Container container) throws InterruptedException {
        synchronized (context.lock()) {
            while (true) {
                StdinPipe pipe = lifecycle.stdin(container).orElse(null);
                if (pipe != null || container.removed()) {
                    return pipe;
                }
                context.lock().wait(1000);
            }
        }
    }

    private ApiResponse await(ApiRequest request, PathParams params) {
        String condition = request.query().first("condition").orElse("not-running");
        if (!condition.equals("not-running") && !condition.equals("next-exit") && !condition.equals("removed")) {
            throw new DockerException(400, "invalid condition: \"" + condition + "\"");
        }
        Container container;
        int exitsSoFar;
        synchronized (context.lock()) {
            container = containers.get(params.get("id"));
            exitsSoFar = container.exits();
        }
        Container waited = container;
        return ApiResponse.streamed(200, ApiResponse.JSON, sink -> {
            synchronized (context.lock()) {
                while (!done(waited, condition, exitsSoFar)) {
                    context.lock().wait(1000);
                }
            }
            Map<String, Object> result = new HashMap<>();
            result.put("StatusCode", waited.exitCode());
            // dockerd reports no error to a wait for removal (docker run --rm prints the start error itself)
            boolean quiet = waited.error().isEmpty() || condition.equals("removed");
            result.put("Error", quiet ? null : Map.of("Message", waited.error()));
            sink.send(Json.line(result));
        });
    }

    private static boolean done(Container c, String condition, int exitsSoFar) {
        return switch (condition) {
            case "next-exit" -> c.exits() > exitsSoFar || c.removed();
            case "removed" -> c.removed();
            default -> !c.status().isUp();
        };
    }
}
