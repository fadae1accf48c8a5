package com.github.tomakehurst.wiremock.direct;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;

/**
 * Builds WireMock's socket-free {@link DirectCallHttpServer} without its own sleep for a stub's
 * delay: dockmock carries the delay out on the connection instead (a transport fault), where a
 * closing server can cut it short and where it combines with the other faults. This class lives
 * in WireMock's package only because the server's sleeping part is package-private there.
 */
public final class UndelayedDirectCallFactory implements HttpServerFactory {
    private volatile DirectCallHttpServer built;

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        built = new DirectCallHttpServer(new SleepFacade() {
            @Override
            void sleep(long millis) {
                // the delay stays in the response; dockmock applies it
            }
        }, options, admin, stubs);
        return built;
    }

    /** The server built last, once WireMock has been constructed with this factory. */
    public DirectCallHttpServer server() {
        return built;
    }
}
