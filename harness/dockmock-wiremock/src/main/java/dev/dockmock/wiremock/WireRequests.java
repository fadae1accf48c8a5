package dev.dockmock.wiremock;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.dockmock.protocol.ApiRequest;
import java.util.Map;

/**
 * A Docker API request as WireMock sees it: the path without its {@code /v1.NN} prefix (so one
 * mapping answers every API version; the version asked for is in {@code X-Docker-Api-Version}),
 * the raw query, every header and the body.
 */
final class WireRequests {
    static final String VERSION_HEADER = "X-Docker-Api-Version";

    private WireRequests() {
    }

    static Request of(ApiRequest request) {
        String target = request.target();
        if (request.version().isPresent()) {
            int slash = target.indexOf('/', 1);
            int question = target.indexOf('?');
            target = slash < 0 || (question >= 0 && question < slash) ? "/" + target.substring(Math.max(question, target.length()))
                    : target.substring(slash);
        }
        ImmutableRequest.Builder builder = ImmutableRequest.create()
                .withAbsoluteUrl("http://dockmock" + target)
                .withMethod(RequestMethod.fromString(request.method()))
                .withProtocol("HTTP/1.1")
                .withClientIp(request.client().peer())
                .withBody(request.body());
        for (Map.Entry<String, String> field : request.headers().fields()) {
            builder.withHeader(field.getKey(), field.getValue());
        }
        request.version().ifPresent(v -> builder.withHeader(VERSION_HEADER, v.toString()));
        return builder.build();
    }
}
