package dev.dockmock.junit;

import dev.dockmock.dispatch.Dispatcher;

/**
 * The seam for {@link Mode#STUBS}: a stub module (such as the planned {@code dockmock-wiremock})
 * registers an implementation through {@link java.util.ServiceLoader}, in
 * {@code META-INF/services/dev.dockmock.junit.StubDispatcherFactory}. The first one found answers.
 */
public interface StubDispatcherFactory {

    /**
     * A dispatcher answering {@code target}'s requests from stubs. When it is also
     * {@link AutoCloseable}, it is closed after the server stops.
     *
     * @throws Exception when the stubs cannot be loaded; the test fails with it
     */
    Dispatcher create(TestTarget target) throws Exception;
}
