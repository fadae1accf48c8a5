package dev.dockmock.cli.bench;

import java.net.SocketAddress;

/**
 * One line of the results: a server, the transport it is reached over, and the endpoint asked.
 *
 * @param target the server measured: {@link #DOCKMOCK}, {@link #MINIMAL}, {@link #WIREMOCK} or {@link #DOCKERD}
 * @param transport {@code tcp} or {@code unix}
 * @param endpoint the request repeated
 * @param address where the server listens
 */
record Row(String target, String transport, Endpoint endpoint, SocketAddress address) {

    static final String DOCKMOCK = "dockmock";
    /** {@link MinimalServer}: precomputed bytes, the practical ceiling. */
    static final String MINIMAL = "minimal-nio";
    /** WireMock standalone in a JVM of its own, answering from stubs with the same bytes. */
    static final String WIREMOCK = "wiremock";
    /** A real dockerd, when one can run here. */
    static final String DOCKERD = "dockerd";

    boolean is(String name) {
        return target.equals(name);
    }

    String describe() {
        return target + " " + transport + " " + endpoint.label();
    }
}
