package dev.dockmock.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dockmock.protocol.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What is masked with {@value #MASK} before an interaction is written, so a cassette can be
 * committed. Replay applies the same rules to incoming requests before it compares them, so a
 * request that carries the real secret still matches its masked recording.
 *
 * @param headers header names whose values are masked, in any case
 * @param envNames {@code NAME=value} entries of any JSON {@code Env} list (container create,
 *     exec create, service specs, and inspect answers) whose NAME matches get the value masked;
 *     empty masks none
 * @param fields single JSON fields masked in the bodies of matching paths
 */
public record Redaction(Set<String> headers, Optional<Pattern> envNames, List<FieldRule> fields) {
    public static final String MASK = "***";
    /** The default pattern of secret environment variable names. */
    public static final Pattern SECRET_NAMES = Pattern.compile("(?i).*(SECRET|PASSWORD|TOKEN|KEY).*");

    /**
     * One JSON field to mask.
     *
     * @param inRequest true for request bodies, false for response bodies
     * @param path the normalised request paths it applies to (whole-path match)
     * @param field the top-level field name
     */
    public record FieldRule(boolean inRequest, Pattern path, String field) {
        public FieldRule {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(field, "field");
        }
    }

    public Redaction {
        headers = Set.copyOf(headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        Objects.requireNonNull(envNames, "envNames");
        fields = List.copyOf(fields);
    }

    /**
     * Registry credentials ({@code X-Registry-Auth}, {@code X-Registry-Config},
     * {@code Authorization}), {@code /auth} passwords and identity tokens, and secret-looking
     * environment variables ({@link #SECRET_NAMES}).
     */
    public static Redaction defaults() {
        Pattern auth = Pattern.compile("/auth");
        return new Redaction(Set.of("X-Registry-Auth", "X-Registry-Config", "Authorization"), Optional.of(SECRET_NAMES),
                List.of(new FieldRule(true, auth, "password"), new FieldRule(true, auth, "identitytoken"),
                        new FieldRule(false, auth, "IdentityToken")));
    }

    /** Nothing masked. */
    public static Redaction none() {
        return new Redaction(Set.of(), Optional.empty(), List.of());
    }

    public Redaction withHeader(String name) {
        Set<String> more = new java.util.HashSet<>(headers);
        more.add(name);
        return new Redaction(more, envNames, fields);
    }

    public Redaction withEnvNames(Pattern names) {
        return new Redaction(headers, Optional.of(names), fields);
    }

    public Redaction withField(FieldRule rule) {
        List<FieldRule> more = new ArrayList<>(fields);
        more.add(rule);
        return new Redaction(headers, envNames, more);
    }

    /** The interaction as it may be written. */
    public Interaction apply(Interaction interaction) {
        RecordedRequest request = interaction.request();
        String path = request.path();
        RecordedRequest maskedRequest = request.withHeaders(headers(request.headers())).withBody(requestBody(path, request.body()));
        RecordedResponse response = interaction.response();
        RecordedBody body = response.body();
        if (body instanceof RecordedBody.Full full) {
            body = new RecordedBody.Full(json(full.data(), path, false));
        } else if (body instanceof RecordedBody.Stream stream) {
            body = new RecordedBody.Stream(stream.chunks().stream()
                    .map(c -> new RecordedBody.Chunk(c.at(), json(c.data(), path, false))).toList(), stream.complete());
        }
        RecordedResponse maskedResponse = response.withHeaders(headers(response.headers())).withBody(body);
        return new Interaction(interaction.id(), interaction.at(), maskedRequest, maskedResponse);
    }

    /** A request body with the request rules applied, as replay compares it. */
    public byte[] requestBody(String path, byte[] body) {
        return json(body, path, true);
    }

    private Headers headers(Headers original) {
        if (headers.isEmpty()) {
            return original;
        }
        Headers.Builder masked = Headers.builder();
        for (Map.Entry<String, String> field : original.fields()) {
            boolean secret = headers.contains(field.getKey().toLowerCase(Locale.ROOT));
            masked.add(field.getKey(), secret ? MASK : field.getValue());
        }
        return masked.build();
    }

    private byte[] json(byte[] data, String path, boolean inRequest) {
        Optional<JsonNode> parsed = JsonBodies.parse(data);
        if (parsed.isEmpty()) {
            return data;
        }
        JsonNode root = parsed.get();
        boolean changed = false;
        for (FieldRule rule : fields) {
            if (rule.inRequest() == inRequest && rule.path().matcher(path).matches() && root instanceof ObjectNode object
                    && object.has(rule.field()) && !object.get(rule.field()).asText().equals(MASK)) {
                object.put(rule.field(), MASK);
                changed = true;
            }
        }
        if (envNames.isPresent()) {
            changed |= env(root, envNames.get());
        }
        if (!changed) {
            return data;
        }
        byte[] json = JsonBodies.bytes(root);
        byte[] trailer = JsonBodies.trailer(data).getBytes(StandardCharsets.US_ASCII);
        byte[] result = java.util.Arrays.copyOf(json, json.length + trailer.length);
        System.arraycopy(trailer, 0, result, json.length, trailer.length);
        return result;
    }

    private static boolean env(JsonNode node, Pattern names) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getKey().equals("Env") && field.getValue() instanceof ArrayNode list) {
                    changed |= maskEntries(list, names);
                } else {
                    changed |= env(field.getValue(), names);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                changed |= env(element, names);
            }
        }
        return changed;
    }

    private static boolean maskEntries(ArrayNode list, Pattern names) {
        boolean changed = false;
        for (int i = 0; i < list.size(); i++) {
            String entry = list.get(i).asText();
            int eq = entry.indexOf('=');
            if (eq > 0 && names.matcher(entry.substring(0, eq)).matches() && !entry.substring(eq + 1).equals(MASK)) {
                list.set(i, TextNode.valueOf(entry.substring(0, eq + 1) + MASK));
                changed = true;
            }
        }
        return changed;
    }
}
