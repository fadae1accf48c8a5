package dev.dockmock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.Dispatcher;

/**
 * A kind of dispatcher the admin API can switch to by name ({@code PUT /_dockmock/dispatcher}
 * with {@code {"kind": "stubs", ...}}). Modules outside the core (WireMock stubs) provide theirs
 * through {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.dockmock.admin.DispatcherKind}.
 */
public interface DispatcherKind {

    /** The name used in {@code kind}. */
    String name();

    /**
     * Builds the dispatcher.
     *
     * @param settings the request's JSON document ({@code kind} included)
     * @param fallThrough where requests this dispatcher does not answer should go (the engine)
     * @throws IllegalArgumentException when the settings are wrong, with what to write instead
     */
    Dispatcher create(JsonNode settings, Dispatcher fallThrough) throws java.io.IOException;
}
