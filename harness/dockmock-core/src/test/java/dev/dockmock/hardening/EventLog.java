package dev.dockmock.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.Json;
import dev.dockmock.testing.RawHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Follows {@code /events} for container events on its own thread, keeping each container's actions in order. */
final class EventLog implements AutoCloseable {
    private final Map<String, List<String>> actions = new ConcurrentHashMap<>();
    private final RawHttpClient client;
    private final Thread reader;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private volatile IOException failure;

    EventLog(DockerHost host) throws IOException {
        client = RawHttpClient.connect(host, Duration.ofMinutes(5));
        reader = new Thread(this::follow, "event-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** Blocks until the stream's answer head has arrived, so no later event is missed. */
    EventLog awaitSubscribed() throws InterruptedException {
        subscribed.await(10, TimeUnit.SECONDS);
        return this;
    }

    private void follow() {
        try {
            client.send(RawHttpClient.request("GET", "/v1.50/events?filters=%7B%22type%22%3A%5B%22container%22%5D%7D"));
            client.readHead();
            subscribed.countDown();
            for (byte[] chunk = client.readChunk(); chunk != null; chunk = client.readChunk()) {
                for (String line : new String(chunk, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        JsonNode event = Json.parse(line.getBytes(StandardCharsets.UTF_8));
                        String action = event.path("Action").asText();
                        actions.computeIfAbsent(event.path("Actor").path("ID").asText(), id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(action.contains(":") ? action.substring(0, action.indexOf(':')) : action);
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** The actions seen for {@code id} so far, in order (exec actions without their command). */
    List<String> of(String id) {
        List<String> seen = actions.get(id);
        if (seen == null) {
            return List.of();
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    Map<String, List<String>> all() {
        return actions;
    }

    IOException failure() {
        return failure;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
