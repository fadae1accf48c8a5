package dev.dockmock.server;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.DockerHost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * A Docker API server on any number of host strings, answering through a dispatcher that can be
 * swapped while clients are connected. This is classic Swarm's {@code api.Server}: one listener
 * per host, a dispatcher whose handler changes at run time.
 *
 * <pre>{@code
 * try (DockMockServer server = DockMockServer.builder()
 *         .host("unix:///tmp/dm/docker.sock").host("tcp://127.0.0.1:0")
 *         .dispatcher(Daemons.minimal(DaemonIdentity.defaults()))
 *         .build().start()) {
 *     server.boundHosts(); // [unix:///tmp/dm/docker.sock, tcp://127.0.0.1:41234]
 * }
 * }</pre>
 */
public final class DockMockServer implements AutoCloseable {
    private static final long ACCEPTOR_EXIT_NANOS = 1_000_000_000L;
    private final List<DockerHost> hosts;
    private final TlsSettings tls;
    private final ServerOptions options;
    private final AtomicReference<Dispatcher> dispatcher;
    private final List<Listener> listeners = new ArrayList<>();
    private final Connections connections = new Connections();
    private final Context context = new Context();
    private volatile ExecutorService workers;
    private volatile boolean closing;
    private volatile boolean closeRequested;
    private final AtomicInteger accepting = new AtomicInteger();
    private final List<Thread> acceptors = new ArrayList<>();
    private boolean started;
    private boolean suspended;

    private DockMockServer(Builder builder) {
        this.hosts = List.copyOf(builder.hosts);
        this.tls = builder.tls;
        this.options = builder.options;
        this.dispatcher = new AtomicReference<>(Objects.requireNonNull(builder.dispatcher, "dispatcher"));
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no host to listen on: give at least one host string");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds every listener and starts serving. Fails as a whole: when one host cannot be bound,
     * those already bound are closed again and the exception names the host that failed.
     */
    public synchronized DockMockServer start() throws IOException {
        if (started || closing) {
            throw new IllegalStateException(closing ? "server closed; build a new one" : "server already started");
        }
        started = true;
        try {
            SSLContext sslContext = tls == null ? null : TlsContexts.server(tls);
            for (DockerHost host : hosts) {
                listeners.add(bind(host, sslContext));
            }
        } catch (IOException | RuntimeException e) {
            listeners.forEach(Listener::close);
            listeners.clear();
            connections.closeAll(0);
            closing = true;
            throw e;
        }
        workers = Threads.perConnection();
        connections.startReaper();
        for (Listener listener : listeners) {
            options.log().accept("dockmock " + listener.describe());
            startAcceptor(listener);
        }
        return this;
    }

    private Listener bind(DockerHost host, SSLContext sslContext) throws IOException {
        return host instanceof DockerHost.Unix unix ? UnixListener.bind(unix, options.socketPermissions())
                : TcpListener.bind((DockerHost.Tcp) host, sslContext, tls != null && tls.verifyClients());
    }

    /** The addresses actually bound, in the order given; ephemeral ports are resolved. */
    public synchronized List<DockerHost> boundHosts() {
        return listeners.stream().map(Listener::bound).toList();
    }

    /** The dispatcher answering new requests. */
    public Dispatcher dispatcher() {
        return dispatcher.get();
    }

    /**
     * Swaps the dispatcher atomically: requests read after this call reach {@code next}; streams
     * and hijacked connections already running finish on the one that started them.
     *
     * @return the dispatcher that was replaced
     */
    public Dispatcher setDispatcher(Dispatcher next) {
        return dispatcher.getAndSet(Objects.requireNonNull(next, "dispatcher"));
    }

    /**
     * Drops every open connection, as a daemon restart does: idle connections, streams and
     * hijacked sessions end at once; a request being answered gets its answer, then its
     * connection closes. The listeners stay open.
     */
    public void dropConnections() {
        connections.dropAll();
    }

    /**
     * Makes this server look like a host that died: its listeners close (a unix socket's file
     * stays, so clients get "connection refused" as from a dead daemon) and every open
     * connection is dropped as {@link #dropConnections()} drops them (a request being answered,
     * such as the admin call that asked for this, gets its answer first). {@link
     * #resumeListening()} binds the same hosts again.
     */
    public synchronized void suspendListening() {
        if (!started || closing || suspended) {
            return;
        }
        suspended = true;
        listeners.forEach(Listener::closeKeepingFile);
        awaitAcceptors();
        connections.dropAll();
    }

    /**
     * Binds the hosts of {@link #boundHosts()} again after {@link #suspendListening()} (the same
     * ports, ephemeral ones included) and accepts on them.
     *
     * @throws IOException when a host cannot be bound again (someone took its port meanwhile)
     */
    public synchronized void resumeListening() throws IOException {
        if (!suspended || closing) {
            return;
        }
        List<DockerHost> bound = boundHosts();
        SSLContext sslContext = tls == null ? null : TlsContexts.server(tls);
        List<Listener> fresh = new ArrayList<>();
        try {
            for (DockerHost host : bound) {
                fresh.add(bind(host, sslContext));
            }
        } catch (IOException | RuntimeException e) {
            fresh.forEach(Listener::close);
            throw e;
        }
        listeners.clear();
        listeners.addAll(fresh);
        suspended = false;
        for (Listener listener : listeners) {
            startAcceptor(listener);
        }
    }

    private void startAcceptor(Listener listener) {
        accepting.incrementAndGet();
        acceptors.add(Acceptor.start(listener, context, connections, workers, accepting::decrementAndGet));
    }

    /** Whether the listeners are closed by {@link #suspendListening()}. */
    public synchronized boolean suspended() {
        return suspended;
    }

    /** Connections open right now. */
    public int openConnections() {
        return connections.size();
    }

    public ServerOptions options() {
        return options;
    }

    /**
     * Stops accepting, lets requests in flight finish within the grace period, ends streams and
     * hijacked connections cleanly, and removes the unix socket files this server created.
     */
    @Override
    public synchronized void close() {
        if (closing && workers == null) {
            return;
        }
        // Listeners first: a client told "Connection: close" reconnects at once, and one that got
        // into a closing listener's backlog would be reset by the kernel. A listener closed while
        // its acceptor waits in accept() lives on in the kernel until that call returns, so the
        // server counts as closing (and answers say "close") only once every acceptor has left
        // accept(); a unix socket's file goes after that, so a refused connect means "closing".
        closeRequested = true;
        listeners.forEach(Listener::closeKeepingFile);
        awaitAcceptors();
        closing = true;
        listeners.forEach(Listener::close);
        connections.closeAll(options.gracePeriod().toMillis());
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
    }

    /** Waits (briefly) until every acceptor has left accept(), so its listener is really closed. */
    private void awaitAcceptors() {
        long end = System.nanoTime() + ACCEPTOR_EXIT_NANOS;
        for (Thread acceptor : acceptors) {
            long left = end - System.nanoTime();
            if (left > 0) {
                try {
                    acceptor.join(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        acceptors.removeIf(acceptor -> !acceptor.isAlive());
    }

    private final class Context implements ServerContext {
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
            return closing || closeRequested && accepting.get() == 0;
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

    /** Collects what a server needs; see {@link DockMockServer}. */
    public static final class Builder {
        private final List<DockerHost> hosts = new ArrayList<>();
        private TlsSettings tls;
        private ServerOptions options = ServerOptions.defaults();
        private Dispatcher dispatcher;

        /** Adds a host string; with TLS configured first, {@code tcp://host} defaults to port 2376. */
        public Builder host(String hostString) {
            return host(DockerHost.parse(hostString, tls != null));
        }

        public Builder host(DockerHost host) {
            hosts.add(Objects.requireNonNull(host, "host"));
            return this;
        }

        public Builder tls(TlsSettings settings) {
            this.tls = settings;
            return this;
        }

        public Builder options(ServerOptions serverOptions) {
            this.options = Objects.requireNonNull(serverOptions, "options");
            return this;
        }

        public Builder dispatcher(Dispatcher first) {
            this.dispatcher = first;
            return this;
        }

        public DockMockServer build() {
            return new DockMockServer(this);
        }
    }
}
