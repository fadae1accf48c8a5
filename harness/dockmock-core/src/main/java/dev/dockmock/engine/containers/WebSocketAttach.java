package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.OutputLog;
import dev.dockmock.engine.process.StdinPipe;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.ResponseBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code GET /containers/{id}/attach/ws}: attach over a WebSocket. Output goes out as text frames
 * holding the raw bytes (no multiplexing), frames the client sends become stdin.
 */
final class WebSocketAttach {
    private final EngineContext context;
    private final Containers containers;
    private final Lifecycle lifecycle;

    WebSocketAttach(EngineContext context, Containers containers, Lifecycle lifecycle) {
        this.context = context;
        this.containers = containers;
        this.lifecycle = lifecycle;
    }

    ApiResponse attach(ApiRequest request, String id) {
        Container container;
        long position;
        int target;
        synchronized (context.lock()) {
            container = containers.get(id);
            position = request.query().flag("logs", false) ? 0 : container.log().end();
            target = container.log().attachTarget();
        }
        String key = request.headers().first("Sec-WebSocket-Key").orElse("");
        if (!request.headers().hasToken("Upgrade", "websocket") || key.isEmpty()) {
            throw new DockerException(400, "websocket: the client is not using the websocket protocol");
        }
        boolean stdout = request.query().flag("stdout", false);
        boolean stderr = request.query().flag("stderr", false);
        boolean stream = request.query().flag("stream", false);
        boolean stdin = request.query().flag("stdin", false);
        new ContainerEvents(context.events()).publish(container, "attach");
        Container attached = container;
        return ApiResponse.builder(101)
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Accept", WebSocketFrames.accept(key))
                .body(new ResponseBody.Hijacked(session -> {
                    if (stdin && attached.spec().openStdin()) {
                        copyFrames(attached, session.input());
                    }
                    OutputStream out = session.output();
                    OutputLog log = attached.log();
                    OutputFollower.follow(log, position, target, stream, stdout, stderr,
                            entry -> out.write(WebSocketFrames.frame(WebSocketFrames.TEXT, entry.data())));
                    out.write(WebSocketFrames.frame(WebSocketFrames.CLOSE, new byte[0]));
                }))
                .build();
    }

    private void copyFrames(Container container, InputStream in) {
        Thread copier = new Thread(() -> {
            try {
                byte[] payload;
                while ((payload = WebSocketFrames.read(in)) != null) {
                    StdinPipe pipe = lifecycle.stdin(container).orElse(null);
                    if (pipe != null) {
                        pipe.write(payload, 0, payload.length);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        }, "dockmock-ws-stdin-" + container.shortId());
        copier.setDaemon(true);
        copier.start();
    }
}
