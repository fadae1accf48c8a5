package dev.dockmock.server;

import dev.dockmock.protocol.DockerHost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A server's listeners and the acceptor thread on each: binds all hosts or none, closes them, and
 * knows whether an acceptor still sits in accept() (a closed listener lives on in the kernel until
 * that call returns). Guarded by the owning {@link DockMockServer}'s lock, except {@link
 * #noneAccepting()}.
 */
final class ServerListeners {
    private static final long ACCEPTOR_EXIT_NANOS = 1_000_000_000L;
    private final TlsSettings tls;
    private final ServerOptions options;
    private final List<Listener> listeners = new ArrayList<>();
    private final AtomicInteger accepting = new AtomicInteger();
    private final List<Thread> acceptors = new ArrayList<>();

    ServerListeners(TlsSettings tls, ServerOptions options) {
        this.tls = tls;
        this.options = options;
    }

    /**
     * Binds every host, replacing the listeners held so far only when all succeed; on failure
     * those already bound are closed again and the exception names the host that failed.
     */
    void bindAll(List<DockerHost> hosts) throws IOException {
        SSLContext sslContext = tls == null ? null : TlsContexts.server(tls);
        List<Listener> fresh = new ArrayList<>();
        try {
            for (DockerHost host : hosts) {
                fresh.add(bind(host, sslContext));
            }
        } catch (IOException | RuntimeException e) {
            fresh.forEach(Listener::close);
            throw e;
        }
        listeners.clear();
        listeners.addAll(fresh);
    }

    private Listener bind(DockerHost host, SSLContext sslContext) throws IOException {
        return host instanceof DockerHost.Unix unix ? UnixListener.bind(unix, options.socketPermissions())
                : TcpListener.bind((DockerHost.Tcp) host, sslContext, tls != null && tls.verifyClients());
    }

    /** The addresses actually bound, in the order given; ephemeral ports are resolved. */
    List<DockerHost> bound() {
        return listeners.stream().map(Listener::bound).toList();
    }

    /** Starts an acceptor on every listener, telling {@code announce} what each listens on first. */
    void startAccepting(ServerContext context, Connections connections, ExecutorService workers,
            Consumer<String> announce) {
        for (Listener listener : listeners) {
            announce.accept("dockmock " + listener.describe());
            accepting.incrementAndGet();
            acceptors.add(Acceptor.start(listener, context, connections, workers, accepting::decrementAndGet));
        }
    }

    /** Closes the listeners, keeping unix socket files, and waits (briefly) for the acceptors to leave. */
    void closeKeepingFiles() {
        listeners.forEach(Listener::closeKeepingFile);
        awaitAcceptors();
    }

    /** Closes the listeners and removes the unix socket files they created. */
    void closeAll() {
        listeners.forEach(Listener::close);
    }

    /** Whether no acceptor is in accept() any more. */
    boolean noneAccepting() {
        return accepting.get() == 0;
    }

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
}
