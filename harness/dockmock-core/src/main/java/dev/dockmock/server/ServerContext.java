package dev.dockmock.server;

import dev.dockmock.dispatch.Dispatcher;

/** What a connection needs from its server: the current dispatcher, the limits, and whether it is closing. */
interface ServerContext {

    Dispatcher dispatcher();

    ServerOptions options();

    boolean closing();

    void forget(HttpConnection connection);

    /** Runs a task on a connection thread (a virtual one where the JVM has them). */
    void spawn(Runnable task);
}
