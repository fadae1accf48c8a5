package dev.dockmock.engine.swarm;

import dev.dockmock.engine.net.HostPorts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing mesh's ports one engine has opened on its node's address, so that closing the
 * engine closes them whatever the swarm's control loop does next (it may be another engine's).
 */
final class NodeListeners {
    private final HostPorts ports;
    private final List<HostPorts.OpenPort> open = new ArrayList<>();
    private boolean closed;

    NodeListeners(HostPorts ports) {
        this.ports = ports;
    }

    /** @throws IOException when the port is taken, or the engine has closed */
    synchronized HostPorts.OpenPort listen(String address, int port, HostPorts.Route route) throws IOException {
        if (closed) {
            throw new IOException("the engine has closed");
        }
        open.removeIf(p -> p instanceof Tracked t && t.closed);
        Tracked tracked = new Tracked(ports.openRouted(address, port, route));
        open.add(tracked);
        return tracked;
    }

    synchronized void closeAll() {
        closed = true;
        open.forEach(HostPorts.OpenPort::close);
        open.clear();
    }

    /** An open port that knows it was closed, so the list does not grow with ports the mesh closed itself. */
    private static final class Tracked implements HostPorts.OpenPort {
        private final HostPorts.OpenPort port;
        private volatile boolean closed;

        Tracked(HostPorts.OpenPort port) {
            this.port = port;
        }

        @Override
        public int port() {
            return port.port();
        }

        @Override
        public void close() {
            closed = true;
            port.close();
        }
    }
}
