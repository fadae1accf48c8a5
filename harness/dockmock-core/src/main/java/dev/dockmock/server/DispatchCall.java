package dev.dockmock.server;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import java.util.function.Consumer;

/**
 * Asks a dispatcher for its answer and turns whatever goes wrong into a Docker error, so a
 * failing or careless dispatcher costs one 500 and never the connection.
 */
final class DispatchCall {

    private DispatchCall() {
    }

    static ApiResponse answer(Dispatcher dispatcher, ApiRequest request, Consumer<String> log) {
        try {
            ApiResponse response = dispatcher.dispatch(request);
            if (response != null) {
                return response;
            }
            log.accept("dispatcher returned no response to " + request);
            return ApiResponse.error(500, "dockmock internal error: the dispatcher returned no response to " + request);
        } catch (DockerException e) {
            return e.error().toResponse();
        } catch (RuntimeException | Error e) {
            log.accept("dispatcher failed on " + request + ": " + e);
            return ApiResponse.error(500, "dockmock internal error: " + e);
        }
    }
}
