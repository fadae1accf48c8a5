package dev.dockmock.wiremock;

import com.github.tomakehurst.wiremock.http.ChunkedDribbleDelay;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.protocol.TransportFault;
import java.time.Duration;

/** A WireMock answer as a dockmock response, with WireMock's faults and delays as dockmock's transport faults. */
final class WireResponses {

    private WireResponses() {
    }

    static ApiResponse of(Response response) {
        ApiResponse answer = response.getFault() != null ? ApiResponse.fault(fault(response.getFault())) : plain(response);
        if (response.shouldAddChunkedDribbleDelay() && response.getFault() == null) {
            answer = answer.withFault(dribble(response.getChunkedDribbleDelay(), response.getBody().length));
        }
        if (response.getInitialDelay() > 0) {
            answer = answer.withFault(new TransportFault.FixedDelay(Duration.ofMillis(response.getInitialDelay())));
        }
        return answer;
    }

    private static ApiResponse plain(Response response) {
        Headers.Builder headers = Headers.builder();
        for (HttpHeader header : response.getHeaders().all()) {
            for (String value : header.values()) {
                headers.add(header.key(), value);
            }
        }
        byte[] body = response.getBody();
        int status = response.getStatus();
        boolean empty = body == null || body.length == 0;
        return new ApiResponse(status, headers.build(), empty ? ResponseBody.EMPTY : new ResponseBody.Bytes(body));
    }

    static TransportFault fault(Fault fault) {
        return switch (fault) {
            case CONNECTION_RESET_BY_PEER -> new TransportFault.ConnectionReset();
            case EMPTY_RESPONSE -> new TransportFault.EmptyResponse();
            case MALFORMED_RESPONSE_CHUNK -> new TransportFault.MalformedChunk();
            case RANDOM_DATA_THEN_CLOSE -> new TransportFault.RandomDataThenClose(256);
        };
    }

    /** WireMock spreads the body over {@code numberOfChunks} writes in {@code totalDuration} ms. */
    private static TransportFault dribble(ChunkedDribbleDelay delay, int bodyLength) {
        int chunks = Math.max(1, delay.getNumberOfChunks());
        int bytes = Math.max(1, (bodyLength + chunks - 1) / chunks);
        return new TransportFault.Dribble(bytes, Duration.ofMillis(delay.getTotalDuration() / chunks));
    }
}
