package dev.dockmock.engine.events;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.Filters;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code GET /events}: history from {@code since}, live events until {@code until}, filtered. */
public final class EventRoutes {
    private static final Set<String> FILTERS = Set.of("config", "container", "daemon", "event", "image", "label", "network",
            "node", "plugin", "scope", "secret", "service", "type", "volume");

    private final EventBus bus;

    public EventRoutes(EventBus bus) {
        this.bus = bus;
    }

    public List<Route> routes() {
        return List.of(Route.of("GET", "/events", this::events));
    }

    private ApiResponse events(ApiRequest request, PathParams params) {
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(FILTERS);
        Instant now = bus.clock().instant();
        Instant since = time(request.query().first("since").orElse(""), now);
        Instant until = time(request.query().first("until").orElse(""), now);
        if (since != null && until != null && until.isBefore(since)) {
            throw new DockerException(400, "`since` time (" + since.getEpochSecond() + ") cannot be after `until` time ("
                    + until.getEpochSecond() + ")");
        }
        Predicate<DockerEvent> wanted = e -> EventFilter.matches(e, filters)
                && (since == null || !e.time().isBefore(since)) && (until == null || !e.time().isAfter(until));
        EventBus.Cursor cursor = bus.follow();
        List<DockerEvent> past = since == null ? List.of() : bus.history(wanted);
        return ApiResponse.streamed(200, ApiResponse.JSON, sink -> {
            for (DockerEvent event : past) {
                sink.send(Json.line(event.document()));
            }
            Instant end = until != null ? until : Instant.MAX;
            while (sink.isOpen() && bus.clock().instant().isBefore(end)) {
                Instant deadline = end.isBefore(Instant.now().plusSeconds(1)) ? end : Instant.now().plusSeconds(1);
                for (DockerEvent event : cursor.await(deadline)) {
                    if (wanted.test(event)) {
                        sink.send(Json.line(event.document()));
                    }
                }
            }
        });
    }

    /** {@code since}/{@code until}: unix seconds (with fraction) or RFC 3339. */
    static Instant time(String text, Instant now) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.matches("-?\\d+(\\.\\d+)?")) {
                double seconds = Double.parseDouble(text);
                long whole = (long) Math.floor(seconds);
                return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
            }
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new DockerException(400, "invalid value for time: \"" + text + "\"");
        }
    }
}
