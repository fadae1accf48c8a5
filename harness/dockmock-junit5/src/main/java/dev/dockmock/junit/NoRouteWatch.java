package dev.dockmock.junit;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Notes requests that nothing had a route for: dockerd's {@code 404 {"message":"page not found"}},
 * from the engine or an upstream daemon. Independent of the journal, which tests may clear.
 */
final class NoRouteWatch implements Dispatcher {
    private final Dispatcher inner;
    private final Queue<String> seen = new ConcurrentLinkedQueue<>();

    NoRouteWatch(Dispatcher inner) {
        this.inner = inner;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        ApiResponse response = inner.dispatch(request);
        if (response.status() == 404 && response.body() instanceof ResponseBody.Bytes bytes && pageNotFound(bytes.data())) {
            seen.add(request.method() + " " + request.target() + " -> 404 \"page not found\": nothing has a route for it");
        }
        return response;
    }

    private static boolean pageNotFound(byte[] body) {
        try {
            return body.length < 200 && "page not found".equals(Json.mapper().readTree(body).path("message").asText(null));
        } catch (IOException e) {
            return false;
        }
    }

    /** What was seen since the last call. */
    List<String> take() {
        List<String> taken = new ArrayList<>();
        for (String next = seen.poll(); next != null; next = seen.poll()) {
            taken.add(next);
        }
        return taken;
    }
}
