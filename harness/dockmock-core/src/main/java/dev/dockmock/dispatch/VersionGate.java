package dev.dockmock.dispatch;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ApiVersion;
import java.util.Optional;

/**
 * dockerd's version middleware: refuses versions outside the supported range with its 400
 * messages, and stamps every answer with {@code Api-Version}, {@code Ostype} and
 * {@code Server} as dockerd does.
 */
public final class VersionGate implements Dispatcher {
    private final ApiRange range;
    private final String serverHeader;
    private final Dispatcher next;

    /**
     * @param range the versions accepted
     * @param serverHeader the {@code Server} header value, for example {@code Docker/28.2.2 (linux)}
     * @param next the dispatcher that answers accepted requests
     */
    public VersionGate(ApiRange range, String serverHeader, Dispatcher next) {
        this.range = range;
        this.serverHeader = serverHeader;
        this.next = next;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        Optional<ApiVersion> asked = request.version();
        ApiResponse answer;
        if (asked.isPresent() && asked.get().isBefore(range.min())) {
            answer = ApiResponse.error(400, "client version " + asked.get() + " is too old. Minimum supported API version is "
                    + range.min() + ", please upgrade your client to a newer version");
        } else if (asked.isPresent() && range.max().isBefore(asked.get())) {
            answer = ApiResponse.error(400, "client version " + asked.get() + " is too new. Maximum supported API version is "
                    + range.max());
        } else {
            answer = next.dispatch(request);
        }
        if (answer.headers().has("Api-Version")) {
            return answer;
        }
        return new ApiResponse(answer.status(), answer.headers().toBuilder()
                .set("Api-Version", range.max().toString())
                .set("Docker-Experimental", "false")
                .set("Ostype", "linux")
                .set("Server", serverHeader)
                .build(), answer.body());
    }
}
