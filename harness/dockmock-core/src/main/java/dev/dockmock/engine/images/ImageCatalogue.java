package dev.dockmock.engine.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dockmock.engine.process.BehaviourSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake registry: the images a pull can fetch, with their configs and the behaviours of their
 * default commands. Built from the catalogue shipped in the jar, extendable from fixture files
 * of the same format.
 */
public final class ImageCatalogue {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One image of the registry and the tags that name it. */
    public record Entry(String repository, List<String> tags, Image image, Optional<BehaviourSpec> behaviour) {
    }

    private final Map<String, Entry> byReference = new LinkedHashMap<>();

    private ImageCatalogue() {
    }

    /** The catalogue shipped with dockmock. */
    public static ImageCatalogue builtIn() {
        return new ImageCatalogue().add(BuiltIn.DOCUMENT);
    }

    /** The built-in catalogue's document, parsed once per JVM: parsing YAML was most of an engine's start-up. */
    private static final class BuiltIn {
        static final JsonNode DOCUMENT = read();

        private static JsonNode read() {
            try (InputStream in = ImageCatalogue.class.getResourceAsStream("catalogue.yaml")) {
                return YAML.readTree(in);
            } catch (IOException e) {
                throw new IllegalStateException("the built-in image catalogue cannot be read", e);
            }
        }
    }

    /** Adds the images of a catalogue document ({@code images: [...]}); later entries win. */
    public ImageCatalogue add(JsonNode document) {
        for (JsonNode repo : document.path("images")) {
            String repository = repo.path("repository").asText();
            for (JsonNode variant : repo.path("variants")) {
                List<String> tags = strings(variant.path("tags"));
                ImageReference first = ImageReference.parse(repository + ":" + tags.get(0));
                Image image = image(first, tags, variant);
                Optional<BehaviourSpec> behaviour = variant.has("behaviour")
                        ? Optional.of(BehaviourSpec.fromJson(variant.path("behaviour")))
                        : Optional.empty();
                Entry entry = new Entry(first.familiarRepository(), tags, image, behaviour);
                for (String tag : tags) {
                    byReference.put(first.withTag(tag).familiarTagged(), entry);
                }
            }
        }
        return this;
    }

    /** Reads a catalogue file's text (YAML or JSON). */
    public ImageCatalogue add(String yaml) {
        try {
            return add(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid image catalogue: " + e.getMessage(), e);
        }
    }

    /** Makes {@code image} pullable as {@code reference}, as a push to the registry does. */
    public synchronized void publish(ImageReference reference, Image image) {
        Entry entry = new Entry(reference.familiarRepository(), java.util.List.of(reference.tag()), image,
                find(reference).flatMap(Entry::behaviour));
        byReference.put(reference.familiarTagged(), entry);
    }

    /** The registry's image for {@code reference}, if it has one. */
    public synchronized Optional<Entry> find(ImageReference reference) {
        return Optional.ofNullable(byReference.get(reference.familiarTagged()));
    }

    /** Whether the registry has any tag of the repository. */
    public boolean hasRepository(ImageReference reference) {
        String prefix = reference.familiarRepository() + ":";
        return byReference.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /** Every entry, once each. */
    public List<Entry> entries() {
        return byReference.values().stream().distinct().toList();
    }

    private static Image image(ImageReference first, List<String> tags, JsonNode v) {
        String seed = first.familiarRepository() + "@" + String.join(",", tags);
        ImageConfig config = new ImageConfig(strings(v.path("cmd")), strings(v.path("entrypoint")),
                withPath(strings(v.path("env"))), strings(v.path("exposedPorts")), v.path("workingDir").asText(""),
                v.path("user").asText(""), labels(v.path("labels")), v.path("stopSignal").asText(""),
                strings(v.path("volumes")), strings(v.path("healthcheck")));
        String digest = "sha256:" + sha256("digest:" + seed);
        List<String> layers = List.of("sha256:" + sha256("layer:" + seed));
        return new Image("sha256:" + sha256("image:" + seed), List.of(), List.of(first.familiarRepository() + "@" + digest),
                "", Instant.parse(v.path("created").asText("2024-01-01T00:00:00Z")), v.path("size").asLong(5_000_000),
                config, layers, "", first.familiarRepository());
    }

    private static List<String> withPath(List<String> env) {
        if (env.stream().anyMatch(e -> e.startsWith("PATH="))) {
            return env;
        }
        List<String> all = new ArrayList<>();
        all.add(ImageConfig.DEFAULT_PATH);
        all.addAll(env);
        return all;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static Map<String, String> labels(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** Hex SHA-256 of text, for ids and digests that are the same in every run. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
