package dev.dockmock.server;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/** Accepts connections on one listener and hands each to a worker, until the server closes. */
final class Acceptor implements Runnable {
    private final Listener listener;
    private final ServerContext server;
    private final Connections connections;
    private final ExecutorService workers;
    private final Runnable exited;

    Acceptor(Listener listener, ServerContext server, Connections connections, ExecutorService workers, Runnable exited) {
        this.exited = exited;
        this.listener = listener;
        this.server = server;
        this.connections = connections;
        this.workers = workers;
    }

    /**
     * Starts accepting on a daemon thread of its own, and returns that thread; {@code exited} runs
     * on it once it has left {@code accept()} for good (its listener is then closed in the kernel too).
     */
    static Thread start(Listener listener, ServerContext server, Connections connections, ExecutorService workers,
            Runnable exited) {
        Thread thread = new Thread(new Acceptor(listener, server, connections, workers, exited), "dockmock-accept-" + listener.bound());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            accept();
        } finally {
            exited.run();
        }
    }

    private void accept() {
        while (!server.closing() && listener.open()) {
            Transport transport;
            try {
                transport = listener.accept();
            } catch (IOException | RuntimeException e) {
                if (server.closing() || !listener.open()) {
                    return;
                }
                server.options().log().accept("accept failed on " + listener.bound() + ": " + e.getMessage());
                pause();
                continue;
            }
            if (server.closing()) {
                endDuringShutdown(new HttpConnection(transport, server));
                return;
            }
            hand(new HttpConnection(transport, server));
        }
    }

    /**
     * Starts serving a connection, or answering it 503 when the server is at its limit. Refused
     * connections are tracked too, so the reaper bounds their draining and close() ends them.
     */
    private void hand(HttpConnection connection) {
        int limit = server.options().maxConnections();
        boolean refuse = connections.size() >= limit;
        connections.add(connection);
        try {
            workers.execute(refuse ? () -> connection.refuse(limit) : connection);
        } catch (RejectedExecutionException closedMeanwhile) {
            connection.finish(false);
        }
    }

    /**
     * A connection accepted as the server closes: it may already hold a request, and closing it
     * unread would reset it. Tracked, so close() cuts the drain short if the client lingers.
     */
    private void endDuringShutdown(HttpConnection connection) {
        connections.add(connection);
        connection.finish(false);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
