package dev.dockmock.dispatch;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ApiVersion;
import dev.dockmock.protocol.Headers;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dockerd's version middleware: refuses versions outside the supported range with its 400
 * messages, and stamps every answer with {@code Api-Version}, {@code Ostype} and
 * {@code Server} as dockerd does.
 */
public final class VersionGate implements Dispatcher {
    private static final String[] STAMPED = {"Api-Version", "Docker-Experimental", "Ostype", "Server"};

    private final ApiRange range;
    private final String[] stampValues;
    private final Dispatcher next;

    /**
     * @param range the versions accepted
     * @param serverHeader the {@code Server} header value, for example {@code Docker/28.2.2 (linux)}
     * @param next the dispatcher that answers accepted requests
     */
    public VersionGate(ApiRange range, String serverHeader, Dispatcher next) {
        this.range = range;
        this.stampValues = new String[] {range.max().toString(), "false", "linux", serverHeader};
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
        return stamp(answer);
    }

    /**
     * The answer with the daemon's fields last, replacing any of the same name, unless it already
     * has an {@code Api-Version} (a replayed or proxied answer keeps its own). This runs on every
     * request, so it copies the fields once instead of through {@code Headers.Builder.set}, whose
     * case-insensitive removal lower-cases every name for each field set.
     */
    private ApiResponse stamp(ApiResponse answer) {
        List<Map.Entry<String, String>> fields = answer.headers().fields();
        boolean replaces = false;
        for (Map.Entry<String, String> field : fields) {
            int stamped = stampedIndex(field.getKey());
            if (stamped == 0) {
                return answer;
            }
            replaces |= stamped > 0;
        }
        Headers.Builder headers = Headers.builder();
        for (Map.Entry<String, String> field : fields) {
            if (!replaces || stampedIndex(field.getKey()) < 0) {
                headers.add(field.getKey(), field.getValue());
            }
        }
        for (int i = 0; i < STAMPED.length; i++) {
            headers.add(STAMPED[i], stampValues[i]);
        }
        return new ApiResponse(answer.status(), headers.build(), answer.body());
    }

    private static int stampedIndex(String name) {
        for (int i = 0; i < STAMPED.length; i++) {
            if (STAMPED[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
