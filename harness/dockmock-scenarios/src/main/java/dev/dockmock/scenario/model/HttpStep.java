package dev.dockmock.scenario.model;

import java.time.Duration;
import java.util.Map;

/**
 * Sends one raw HTTP/1.1 request to dockmock and reads the whole answer.
 *
 * @param method the HTTP method
 * @param path the request target, e.g. {@code /v1.47/containers/json?all=1}
 * @param headers more request headers
 * @param body the request body, empty for none
 * @param until when set, the request is sent again until its expectations hold or this long has passed
 */
public record HttpStep(String name, String client, Target target, String method, String path, Map<String, String> headers,
        String body, Duration timeout, Duration until, Expect expect) implements Step {

    public HttpStep {
        headers = Map.copyOf(headers);
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public String command() {
        return method + " " + path;
    }
}
