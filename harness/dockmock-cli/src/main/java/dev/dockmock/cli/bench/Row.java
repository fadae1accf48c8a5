package dev.dockmock.cli.bench;

import java.net.SocketAddress;

/**
 * One line of the results: a server, the transport it is reached over, and the endpoint asked.
 *
 * @param target the server measured: {@code dockmock} or {@link #REFERENCE}
 * @param transport {@code tcp} or {@code unix}
 * @param endpoint the request repeated
 * @param address where the server listens
 */
record Row(String target, String transport, Endpoint endpoint, SocketAddress address) {

    /** The JDK's {@code com.sun.net.httpserver.HttpServer}, answering the same bytes. */
    static final String REFERENCE = "jdk-httpserver";

    boolean reference() {
        return target.equals(REFERENCE);
    }

    String describe() {
        return target + " " + transport + " " + endpoint.label();
    }
}
