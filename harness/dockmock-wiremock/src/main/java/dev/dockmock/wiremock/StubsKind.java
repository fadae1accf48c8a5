package dev.dockmock.wiremock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.admin.DispatcherKind;
import dev.dockmock.dispatch.Dispatcher;
import java.nio.file.Path;

/**
 * {@code PUT /_dockmock/dispatcher} with {@code {"kind": "stubs", "mappings": "DIR"}}: WireMock
 * stubs from {@code DIR} ({@code DIR/mappings}, {@code DIR/__files}) in front of the engine.
 */
public final class StubsKind implements DispatcherKind {

    @Override
    public String name() {
        return "stubs";
    }

    @Override
    public Dispatcher create(JsonNode settings, Dispatcher fallThrough) {
        String root = settings.path("mappings").asText("");
        if (root.isEmpty()) {
            throw new IllegalArgumentException("stubs needs \"mappings\": a WireMock root directory with mappings/ inside");
        }
        return StubDispatcher.fromDirectory(Path.of(root), fallThrough);
    }
}
