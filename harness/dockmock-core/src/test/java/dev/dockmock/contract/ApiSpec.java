package dev.dockmock.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A Docker Engine API Swagger 2.0 document, loaded once: its operations indexed by method and
 * path template, {@code $ref}s resolved on demand.
 */
public final class ApiSpec {
    private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "delete", "patch", "options");
    private static final Map<String, ApiSpec> LOADED = new ConcurrentHashMap<>();

    private final String version;
    private final JsonNode root;
    private final List<SpecOperation> operations;

    private ApiSpec(String version, JsonNode root) {
        this.version = version;
        this.root = root;
        List<String> globalProduces = strings(root.path("produces"));
        List<SpecOperation> ops = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                JsonNode node = op.getValue();
                List<String> produces = node.has("produces") ? strings(node.path("produces")) : globalProduces;
                ops.add(new SpecOperation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        node.path("operationId").asText(op.getKey() + " " + path.getKey()), strings(node.path("tags")), produces, node));
            }
        }));
        this.operations = List.copyOf(ops);
    }

    /** The spec of one version from the shared directory ({@code 1.44}, {@code 1.50}, {@code 1.56}), cached. */
    public static ApiSpec load(String version) {
        return LOADED.computeIfAbsent(version, v -> read(v, SharedFiles.spec(v)));
    }

    /** Reads a spec file. */
    public static ApiSpec read(String version, Path file) {
        try {
            return new ApiSpec(version, new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public String version() {
        return version;
    }

    /** Every operation, in the spec's order. */
    public List<SpecOperation> operations() {
        return operations;
    }

    /** The tags in the spec's declared order, then any others the operations use. */
    public List<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        root.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        operations.forEach(op -> tags.addAll(op.tags()));
        return List.copyOf(tags);
    }

    /**
     * The operation answering a concrete request path (without version prefix or query). Path
     * parameters match one segment; where nothing matches that way, they may span several
     * (image names hold slashes). The most literal template wins. {@code HEAD} falls back to
     * the {@code GET} operation when the spec declares none.
     */
    public Optional<SpecOperation> find(String method, String path) {
        Optional<SpecOperation> found = match(method, path);
        if (found.isEmpty() && method.equals("HEAD")) {
            found = match("GET", path);
        }
        return found;
    }

    private Optional<SpecOperation> match(String method, String path) {
        for (boolean spanning : new boolean[] {false, true}) {
            Optional<SpecOperation> best = operations.stream()
                    .filter(op -> op.method().equals(method) && pattern(op.path(), spanning).matcher(path).matches())
                    .max(Comparator.comparingLong(ApiSpec::literalSegments).thenComparingInt(op -> op.segments().size()));
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    private static long literalSegments(SpecOperation op) {
        return op.segments().stream().filter(s -> !s.startsWith("{")).count();
    }

    private static Pattern pattern(String template, boolean spanning) {
        StringBuilder regex = new StringBuilder("^");
        for (String segment : template.substring(1).split("/", -1)) {
            regex.append('/');
            regex.append(segment.startsWith("{") ? (spanning ? ".+" : "[^/]+") : Pattern.quote(segment));
        }
        return Pattern.compile(regex.append('$').toString());
    }

    /** Follows {@code $ref}s (local JSON pointers, such as {@code #/definitions/ErrorResponse}) until a node has none. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalStateException("$ref loop at " + node);
            }
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local $refs are supported: " + ref);
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref);
            }
            current = target;
        }
        return current;
    }

    /** The definition name a node refers to ({@code ErrorResponse}), if it is a {@code $ref}. */
    public static Optional<String> refName(JsonNode node) {
        if (node == null || !node.has("$ref")) {
            return Optional.empty();
        }
        String ref = node.get("$ref").asText();
        return Optional.of(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    @Override
    public String toString() {
        return "Docker Engine API " + version;
    }
}
