package dev.dockmock.server;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.DockerHost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
    private final List<DockerHost> hosts;
    private final ServerRuntime runtime;

    private DockMockServer(Builder builder) {
        this.hosts = List.copyOf(builder.hosts);
        this.runtime = new ServerRuntime(builder.options, builder.tls, builder.dispatcher);
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
        runtime.start(hosts);
        return this;
    }

    /** The addresses actually bound, in the order given; ephemeral ports are resolved. */
    public synchronized List<DockerHost> boundHosts() {
        return runtime.boundHosts();
    }

    /** The dispatcher answering new requests. */
    public Dispatcher dispatcher() {
        return runtime.dispatcher();
    }

    /**
     * Swaps the dispatcher atomically: requests read after this call reach {@code next}; streams
     * and hijacked connections already running finish on the one that started them.
     *
     * @return the dispatcher that was replaced
     */
    public Dispatcher setDispatcher(Dispatcher next) {
        return runtime.setDispatcher(next);
    }

    /**
     * Drops every open connection, as a daemon restart does: idle connections, streams and
     * hijacked sessions end at once; a request being answered gets its answer, then its
     * connection closes. The listeners stay open.
     */
    public void dropConnections() {
        runtime.connections().dropAll();
    }

    /**
     * Makes this server look like a host that died: its listeners close (a unix socket's file
     * stays, so clients get "connection refused" as from a dead daemon) and every open
     * connection is dropped as {@link #dropConnections()} drops them (a request being answered,
     * such as the admin call that asked for this, gets its answer first). {@link
     * #resumeListening()} binds the same hosts again.
     */
    public synchronized void suspendListening() {
        runtime.suspend();
    }

    /**
     * Binds the hosts of {@link #boundHosts()} again after {@link #suspendListening()} (the same
     * ports, ephemeral ones included) and accepts on them.
     *
     * @throws IOException when a host cannot be bound again (someone took its port meanwhile)
     */
    public synchronized void resumeListening() throws IOException {
        runtime.resume();
    }

    /** Whether the listeners are closed by {@link #suspendListening()}. */
    public synchronized boolean suspended() {
        return runtime.suspended();
    }

    /** Connections open right now. */
    public int openConnections() {
        return runtime.connections().size();
    }

    public ServerOptions options() {
        return runtime.options();
    }

    /**
     * Whether the server counts as closing: from then on every answer says {@code Connection:
     * close}. That starts once every acceptor has left {@code accept()}, a moment after its
     * listener refuses connections; for tests.
     */
    boolean closing() {
        return runtime.closing();
    }

    /**
     * Stops accepting, lets requests in flight finish within the grace period, ends streams and
     * hijacked connections cleanly, and removes the unix socket files this server created.
     */
    @Override
    public synchronized void close() {
        runtime.close();
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
