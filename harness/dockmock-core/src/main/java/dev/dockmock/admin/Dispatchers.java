package dev.dockmock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.record.RecordingProxy;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.session.CassetteReader;
import dev.dockmock.session.CassetteWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The dispatchers the admin API can switch to: {@code engine}, {@code replay} of a cassette,
 * {@code proxy} (recording a real daemon), and any {@link DispatcherKind} on the class path.
 */
final class Dispatchers {

    private Dispatchers() {
    }

    /** A dispatcher to switch to, with its name; {@code engine} is the current engine's. */
    record Built(String name, Dispatcher dispatcher) {
    }

    static Built create(JsonNode settings, Dispatcher engine) throws IOException {
        String kind = settings.path("kind").asText("");
        switch (kind) {
            case "engine":
                return new Built("engine", engine);
            case "replay": {
                Path file = Path.of(required(settings, "cassette"));
                ReplayMode mode = ReplayMode.valueOf(settings.path("mode").asText("strict").toUpperCase(Locale.ROOT));
                return new Built("replay " + file, new ReplayDispatcher(CassetteReader.load(file),
                        ReplayOptions.defaults().withMode(mode)));
            }
            case "proxy": {
                DockerHost upstream = DockerHost.parse(required(settings, "upstream"));
                Path file = Path.of(required(settings, "cassette"));
                return new Built("proxy " + upstream, RecordingProxy.to(upstream, Optional.empty(),
                        CassetteWriter.create(file, upstream.toString())));
            }
            default:
                for (DispatcherKind provided : ServiceLoader.load(DispatcherKind.class)) {
                    if (provided.name().equals(kind)) {
                        return new Built(kind, provided.create(settings, engine));
                    }
                }
                throw new IllegalArgumentException("unknown dispatcher kind \"" + kind + "\"; known: engine, replay, proxy"
                        + ServiceLoader.load(DispatcherKind.class).stream().map(p -> ", " + p.get().name()).reduce("", String::concat));
        }
    }

    private static String required(JsonNode settings, String field) {
        String value = settings.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(settings.path("kind").asText() + " needs \"" + field + "\"");
        }
        return value;
    }
}
