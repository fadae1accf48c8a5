package dev.dockmock.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Known differences between the spec and what dockmock sends on purpose, each with its reason:
 * the spec's own quirks, where dockerd answers in a way the spec does not declare. Read from
 * {@code contract/allowed-violations.yaml} on the test classpath.
 */
public final class AllowList {
    private static final String RESOURCE = "/contract/allowed-violations.yaml";

    /**
     * One allowed violation.
     *
     * @param operation the spec's operationId
     * @param status the status answered, or null for any
     * @param contains text the violation's message must contain
     * @param specs the spec versions it applies to; empty for all
     * @param request text the request line must contain, or null for any
     * @param reason why this is the spec's quirk and not the engine's fault
     */
    public record Entry(@JsonProperty("operation") String operation, @JsonProperty("status") Integer status,
            @JsonProperty("contains") String contains, @JsonProperty("specs") List<String> specs,
            @JsonProperty("request") String request, @JsonProperty("reason") String reason) {

        public Entry {
            if (operation == null || contains == null || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an allowed violation needs operation, contains and a reason: " + operation);
            }
            specs = specs == null ? List.of() : List.copyOf(specs);
        }

        public boolean appliesTo(String specVersion) {
            return specs.isEmpty() || specs.contains(specVersion);
        }

        public boolean allows(Violation v) {
            return appliesTo(v.specVersion()) && operation.equals(v.operationId())
                    && (status == null || status == v.status()) && v.message().contains(contains)
                    && (request == null || v.request().contains(request));
        }
    }

    private final List<Entry> entries;

    private AllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The allow-list from the test classpath. */
    public static AllowList load() {
        try (InputStream in = AllowList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new AllowList(List.of());
            }
            List<Entry> entries = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Entry>>() { });
            return new AllowList(entries == null ? List.of() : entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The violations no entry allows. */
    public List<Violation> unexpected(List<Violation> violations) {
        return violations.stream().filter(v -> entries.stream().noneMatch(e -> e.allows(v))).toList();
    }

    /** The entries for {@code specVersion} that allowed none of {@code violations}: stale, to delete. */
    public List<Entry> unused(String specVersion, List<Violation> violations) {
        List<Entry> unused = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.appliesTo(specVersion) && violations.stream().noneMatch(entry::allows)) {
                unused.add(entry);
            }
        }
        return unused;
    }
}
