package dev.dockmock.contract;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sends a scenario's requests through a {@link ContractRecorder}, with the API version prefix of
 * the spec under test, and notes every answer whose status is not the one the scenario meant to
 * provoke: a scenario that drifts (a 404 case answered 200) would check nothing.
 */
public final class ScenarioClient {
    private final ContractRecorder recorder;
    private final String prefix;
    private final List<String> surprises = new ArrayList<>();

    /** @param prefix the version prefix, such as {@code /v1.50}, or empty for unversioned paths */
    public ScenarioClient(ContractRecorder recorder, String prefix) {
        this.recorder = recorder;
        this.prefix = prefix;
    }

    /** Sends a request without a body and expects one of {@code statuses}. */
    public Exchange call(String method, String path, int... statuses) {
        return send(method, path, null, Headers.empty(), statuses);
    }

    /** Sends a JSON body and expects one of {@code statuses}. */
    public Exchange json(String method, String path, String body, int... statuses) {
        return send(method, path, body, Headers.of("Content-Type", "application/json"), statuses);
    }

    /** Sends with the given headers and expects one of {@code statuses}. */
    public Exchange send(String method, String path, String body, Headers headers, int... statuses) {
        return sendTo(method, prefix + path, body, headers, statuses);
    }

    /** Sends without the version prefix, as every client's first {@code HEAD /_ping} goes. */
    public Exchange unversioned(String method, String path, int... statuses) {
        return sendTo(method, path, null, Headers.empty(), statuses);
    }

    /** Sends a binary body (a tar archive). */
    public Exchange bytes(String method, String path, byte[] body, String contentType, int... statuses) {
        return sendBytes(method, prefix + path, body, Headers.of("Content-Type", contentType), statuses);
    }

    private Exchange sendTo(String method, String target, String body, Headers headers, int... statuses) {
        return sendBytes(method, target, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), headers, statuses);
    }

    private Exchange sendBytes(String method, String target, byte[] bytes, Headers headers, int... statuses) {
        Exchange exchange = recorder.exchange(ApiRequest.of(method, target, headers, bytes, ClientInfo.inMemory()));
        if (statuses.length > 0 && Arrays.stream(statuses).noneMatch(s -> s == exchange.status())) {
            surprises.add(method + " " + target + " answered " + exchange.status() + ", the scenario expected "
                    + Arrays.toString(statuses) + ": " + exchange.text());
        }
        return exchange;
    }

    /** A query value, URL-encoded. */
    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Answers that were not what the scenario meant to provoke. */
    public List<String> surprises() {
        return List.copyOf(surprises);
    }
}
