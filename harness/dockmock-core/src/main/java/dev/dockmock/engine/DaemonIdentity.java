package dev.dockmock.engine;

import dev.dockmock.dispatch.ApiRange;
import java.util.Objects;

/**
 * What the fake daemon says it is, in {@code /version}, {@code /info} and response headers.
 *
 * @param id the daemon ID shown by {@code docker info}
 * @param name the host name shown by {@code docker info}
 * @param engineVersion the engine version clients print ({@code 28.2.2})
 * @param apiRange the API versions served
 */
public record DaemonIdentity(String id, String name, String engineVersion, ApiRange apiRange) {

    public DaemonIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(apiRange, "apiRange");
    }

    /** The identity used when none is given. */
    public static DaemonIdentity defaults() {
        return new DaemonIdentity("DMCK:0000:0000:0000:0000:0000:0000:0000:0000:0000:0000:0001", "dockmock", "28.2.2",
                ApiRange.DEFAULT);
    }

    public DaemonIdentity withApiRange(ApiRange range) {
        return new DaemonIdentity(id, name, engineVersion, range);
    }

    /** dockerd's {@code Server} header. */
    public String serverHeader() {
        return "Docker/" + engineVersion + " (linux)";
    }
}
