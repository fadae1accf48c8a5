package dev.dockmock.admin;

import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.faults.FaultDispatcher;
import dev.dockmock.faults.FaultRules;
import dev.dockmock.server.DockMockServer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The dispatcher a control's servers answer through (admin routes when on, journal, fault rules,
 * then the active one) and the servers it is set on, swapped on all of them at once. Dispatchers
 * built from settings are kept open until the control closes: streams may still run on them after
 * a swap (a proxy's cassette, for one).
 */
final class ServedFront {
    private final Dispatcher admin;
    private final boolean adminOnListeners;
    private final Journal journal;
    private final FaultRules faults = new FaultRules();
    private final List<DockMockServer> servers = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> built = new CopyOnWriteArrayList<>();
    private volatile FrontDispatcher current;

    ServedFront(Dispatcher admin, boolean adminOnListeners, Journal journal, Dispatcher first) {
        this.admin = admin;
        this.adminOnListeners = adminOnListeners;
        this.journal = journal;
        this.current = wrap("engine", first);
    }

    Dispatcher admin() {
        return admin;
    }

    Journal journal() {
        return journal;
    }

    FaultRules faults() {
        return faults;
    }

    FrontDispatcher current() {
        return current;
    }

    void attach(DockMockServer server) {
        servers.add(Objects.requireNonNull(server, "server"));
        server.setDispatcher(current);
    }

    /** Makes {@code next} the active dispatcher on every attached server. */
    void use(String name, Dispatcher next) {
        current = wrap(name, next);
        servers.forEach(s -> s.setDispatcher(current));
    }

    /** Makes a dispatcher built from settings the active one; one that must be closed is closed with the control. */
    void use(Dispatchers.Built next) {
        if (next.dispatcher() instanceof AutoCloseable closeable) {
            built.add(closeable);
        }
        use(next.name(), next.dispatcher());
    }

    /** Clears the request rules and the journal, makes {@code engine} active and drops every connection. */
    void restart(Dispatcher engine) {
        faults.clear();
        journal.clear();
        use("engine", engine);
        dropConnections();
    }

    /** Puts the chain in front of every node of {@code cluster}; the active dispatcher is renamed {@code swarm}. */
    void serve(SwarmCluster cluster) {
        current = wrap("swarm", current.served());
        cluster.useFront(node -> wrap("swarm", node));
    }

    private FrontDispatcher wrap(String name, Dispatcher active) {
        return new FrontDispatcher(name, adminOnListeners ? admin : null, new JournalingDispatcher(journal, new FaultDispatcher(faults, active)));
    }

    void dropConnections() {
        servers.forEach(DockMockServer::dropConnections);
    }

    /** Closes the dispatchers built from settings (a proxy's cassette is completed). */
    void closeBuilt() {
        for (AutoCloseable closeable : built) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger("dev.dockmock.admin").log(System.Logger.Level.WARNING, "closing " + closeable + ": " + e);
            }
        }
    }
}
