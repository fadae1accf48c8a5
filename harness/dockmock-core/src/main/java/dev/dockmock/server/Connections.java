package dev.dockmock.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The live connections of one server, with the reaper that enforces their time-outs. */
final class Connections {
    private final Set<HttpConnection> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(Threads.daemon("dockmock-reaper-"));

    Connections() {
        reaper.scheduleWithFixedDelay(this::reap, 250, 250, TimeUnit.MILLISECONDS);
    }

    void add(HttpConnection connection) {
        live.add(connection);
    }

    synchronized void remove(HttpConnection connection) {
        live.remove(connection);
        notifyAll();
    }

    int size() {
        return live.size();
    }

    private void reap() {
        long now = System.nanoTime();
        for (HttpConnection connection : live) {
            connection.reap(now);
        }
    }

    /** Drops every connection at once, as a daemon restart would; see {@link HttpConnection#drop}. */
    void dropAll() {
        live.forEach(HttpConnection::drop);
    }

    /**
     * Ends every connection: idle ones at once, requests in flight within {@code graceMillis}
     * (streams and hijacks are asked to end, then interrupted half-way), the rest cut off.
     */
    void closeAll(long graceMillis) {
        live.forEach(HttpConnection::serverClosing);
        awaitEmpty(graceMillis / 2);
        live.forEach(HttpConnection::interrupt);
        awaitEmpty(graceMillis - graceMillis / 2);
        live.forEach(HttpConnection::forceClose);
        awaitEmpty(1000);
        // A thread stuck in a dispatcher that ignores interrupts still holds its closed connection;
        // it is no longer served, so it no longer counts.
        live.clear();
        reaper.shutdownNow();
    }

    private synchronized void awaitEmpty(long millis) {
        long end = System.currentTimeMillis() + millis;
        long left;
        while (!live.isEmpty() && (left = end - System.currentTimeMillis()) > 0) {
            try {
                wait(Math.min(left, 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
