package dev.dockmock.server;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.DockerHost;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running part of a {@link DockMockServer}: its listeners, connections, worker threads and
 * closing flags, the moves between started, suspended and closed, and what its connections ask of
 * it. The lifecycle methods run under the owning server's lock.
 */
final class ServerRuntime implements ServerContext {
    private final ServerOptions options;
    private final AtomicReference<Dispatcher> dispatcher;
    private final ServerListeners listeners;
    private final Connections connections = new Connections();
    private volatile ExecutorService workers;
    private volatile boolean closing;
    private volatile boolean closeRequested;
    private boolean started;
    private boolean suspended;

    ServerRuntime(ServerOptions options, TlsSettings tls, Dispatcher first) {
        this.options = options;
        this.listeners = new ServerListeners(tls, options);
        this.dispatcher = new AtomicReference<>(Objects.requireNonNull(first, "dispatcher"));
    }

    void start(List<DockerHost> hosts) throws IOException {
        if (started || closing) {
            throw new IllegalStateException(closing ? "server closed; build a new one" : "server already started");
        }
        started = true;
        try {
            listeners.bindAll(hosts);
        } catch (IOException | RuntimeException e) {
            connections.closeAll(0);
            closing = true;
            throw e;
        }
        workers = Threads.perConnection();
        connections.startReaper();
        listeners.startAccepting(this, connections, workers, options.log());
    }

    List<DockerHost> boundHosts() {
        return listeners.bound();
    }

    Dispatcher setDispatcher(Dispatcher next) {
        return dispatcher.getAndSet(Objects.requireNonNull(next, "dispatcher"));
    }

    Connections connections() {
        return connections;
    }

    void suspend() {
        if (!started || closing || suspended) {
            return;
        }
        suspended = true;
        listeners.closeKeepingFiles();
        connections.dropAll();
    }

    void resume() throws IOException {
        if (!suspended || closing) {
            return;
        }
        listeners.bindAll(listeners.bound());
        suspended = false;
        listeners.startAccepting(this, connections, workers, line -> { });
    }

    boolean suspended() {
        return suspended;
    }

    void close() {
        if (closing && workers == null) {
            return;
        }
        // Listeners first: a client told "Connection: close" reconnects at once, and one that got
        // into a closing listener's backlog would be reset by the kernel. A listener closed while
        // its acceptor waits in accept() lives on in the kernel until that call returns, so the
        // server counts as closing (and answers say "close") only once every acceptor has left
        // accept(); a unix socket's file goes after that, so a refused connect means "closing".
        closeRequested = true;
        listeners.closeKeepingFiles();
        closing = true;
        listeners.closeAll();
        connections.closeAll(options.gracePeriod().toMillis());
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
    }

    @Override
    public Dispatcher dispatcher() {
        return dispatcher.get();
    }

    @Override
    public ServerOptions options() {
        return options;
    }

    @Override
    public boolean closing() {
        return closing || closeRequested && listeners.noneAccepting();
    }

    @Override
    public void forget(HttpConnection connection) {
        connections.remove(connection);
    }

    @Override
    public void spawn(Runnable task) {
        Objects.requireNonNull(workers, "server closed").execute(task);
    }
}
