package dev.dockmock.replay;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.CassetteHeader;
import dev.dockmock.session.Interaction;
import dev.dockmock.session.RecordedBody;
import dev.dockmock.session.RecordedRequest;
import dev.dockmock.session.RecordedResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds small cassettes and requests for replay tests. */
final class Cassettes {
    private final List<Interaction> interactions = new ArrayList<>();

    static Cassettes builder() {
        return new Cassettes();
    }

    /** Records {@code method target body} answered 200 with {@code answer} as JSON. */
    Cassettes add(String method, String target, String body, String answer) {
        return add(method, target, body, new RecordedResponse(200, Headers.of("Content-Type", "application/json"), 0,
                new RecordedBody.Full(answer.getBytes(StandardCharsets.UTF_8))));
    }

    Cassettes add(String method, String target, String body, RecordedResponse response) {
        ApiRequest request = request(method, target, body);
        interactions.add(new Interaction(interactions.size() + 1, interactions.size() * 10L, RecordedRequest.of(request), response));
        return this;
    }

    Cassette build() {
        return new Cassette(CassetteHeader.now("test"), interactions, List.of());
    }

    static ApiRequest request(String method, String target, String body) {
        Headers headers = body.isEmpty() ? Headers.empty() : Headers.of("Content-Type", "application/json");
        return ApiRequest.of(method, target, headers, body.getBytes(StandardCharsets.UTF_8), ClientInfo.inMemory());
    }

    static String text(ApiResponse response) {
        return ((ResponseBody.Bytes) response.body()).text();
    }
}
