package dev.dockmock.dispatch;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;

/**
 * The seam of dockmock: turns one request into one response. The engine, a replayed session,
 * scripted stubs and the recording proxy are all dispatchers; the server holds the current one
 * and can swap it while clients are connected.
 *
 * <p>Implementations must be safe to call from many threads at once. A dispatcher should answer
 * every request, with a Docker error where it must; anything it throws is answered by the
 * server with a 500 and the connection stays usable.
 */
@FunctionalInterface
public interface Dispatcher {

    ApiResponse dispatch(ApiRequest request);
}
