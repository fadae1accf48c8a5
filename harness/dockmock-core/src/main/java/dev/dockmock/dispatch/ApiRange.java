package dev.dockmock.dispatch;

import dev.dockmock.protocol.ApiVersion;
import java.util.Objects;

/**
 * The API versions a server accepts; requests without a version prefix are served at
 * {@link #max()}, as dockerd does.
 */
public record ApiRange(ApiVersion min, ApiVersion max) {
    /** dockmock's default: dockerd 28's minimum and the version the docker CLI 28 speaks. */
    public static final ApiRange DEFAULT = new ApiRange(new ApiVersion(1, 24), new ApiVersion(1, 50));

    public ApiRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (max.isBefore(min)) {
            throw new IllegalArgumentException("API range upside down: " + min + " > " + max);
        }
    }

    public static ApiRange parse(String min, String max) {
        return new ApiRange(ApiVersion.parse(min), ApiVersion.parse(max));
    }

    public boolean contains(ApiVersion version) {
        return !version.isBefore(min) && !max.isBefore(version);
    }
}
