package dev.dockmock.engine.volumes;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A volume's description. Its files live in memory ({@link Volumes#contents}); nothing exists
 * on the host's filesystem, and its mount point is only the path dockerd would use.
 *
 * @param name its unique name (64 hex digits for an anonymous volume)
 * @param driver its driver, {@code local}
 * @param createdAt when it was created
 * @param labels its labels; {@code null} when none were given, which dockerd shows as {@code null}
 * @param options its driver options; {@code null} when none were given
 */
public record Volume(String name, String driver, Instant createdAt, Map<String, String> labels, Map<String, String> options) {

    /** The label dockerd puts on volumes it named itself. */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

    public Volume {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(createdAt, "createdAt");
        labels = labels == null ? null : Map.copyOf(labels);
        options = options == null ? null : Map.copyOf(options);
    }

    public String mountpoint() {
        return "/var/lib/docker/volumes/" + name + "/_data";
    }

    public String scope() {
        return "local";
    }

    /** Whether the engine named it, which makes it prunable by default and removed with its container's {@code rm -v}. */
    public boolean anonymous() {
        return labels != null && labels.containsKey(ANONYMOUS_LABEL);
    }

    public Map<String, String> labelsOrEmpty() {
        return labels == null ? Map.of() : labels;
    }

    /** The API's {@code Volume} object (without {@code UsageData}, which only {@code /system/df} fills). */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("CreatedAt", DateTimeFormatter.ISO_INSTANT.format(createdAt.truncatedTo(ChronoUnit.SECONDS)));
        doc.put("Driver", driver);
        doc.put("Labels", labels);
        doc.put("Mountpoint", mountpoint());
        doc.put("Name", name);
        doc.put("Options", options);
        doc.put("Scope", scope());
        return doc;
    }
}
