package dev.dockmock.admin;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;

/**
 * What a server answers with under a control plane: admin requests go to the admin routes (when
 * they are on), every other request to the journal, the fault rules and the active dispatcher.
 * Admin requests are never journaled nor faulted.
 */
final class FrontDispatcher implements Dispatcher {
    private final String name;
    private final Dispatcher admin;
    private final Dispatcher served;

    /**
     * @param name the active dispatcher's name
     * @param admin the admin routes, or null when the admin API is off on these listeners
     * @param served the journaled, faulted path to the active dispatcher
     */
    FrontDispatcher(String name, Dispatcher admin, Dispatcher served) {
        this.name = name;
        this.admin = admin;
        this.served = served;
    }

    String name() {
        return name;
    }

    /** The journaled, faulted path to the active dispatcher, without the admin routes. */
    Dispatcher served() {
        return served;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        if (admin != null && AdminRoutes.isAdmin(request)) {
            return admin.dispatch(request);
        }
        return served.dispatch(request);
    }
}
