package dev.dockmock.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.session.JsonBodies;
import dev.dockmock.session.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request to replay, in the terms it is compared in: secrets masked, ignored JSON fields left out. */
record Incoming(String method, String path, Map<String, List<String>> query, byte[] body, Optional<JsonNode> json,
        String describe) {

    static Incoming of(ApiRequest request, ReplayOptions options) {
        byte[] body = options.redaction().requestBody(request.path(), request.body());
        Optional<JsonNode> json = JsonBodies.parse(body).map(n -> JsonDiff.comparable(n, options.ignoredBodyFields()));
        String describe = RecordedRequest.of(request).describe();
        return new Incoming(request.method(), request.path(), request.query().asMap(), body, json, describe);
    }
}
