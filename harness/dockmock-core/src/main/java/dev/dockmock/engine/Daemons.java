package dev.dockmock.engine;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.dispatch.Router;
import dev.dockmock.dispatch.VersionGate;

/** Ready-made dispatchers that answer as a Docker daemon would. */
public final class Daemons {

    private Daemons() {
    }

    /**
     * A daemon that answers only what every client asks first ({@code /_ping}, {@code /version},
     * {@code /info}) and 404 {@code page not found} to everything else.
     */
    public static Dispatcher minimal(DaemonIdentity identity) {
        return new VersionGate(identity.apiRange(), identity.serverHeader(),
                new Router(new SystemRoutes(identity).routes()));
    }
}
