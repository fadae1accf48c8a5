package dev.dockmock.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.Gzip;
import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarReader;
import dev.dockmock.engine.files.TreeArchive;
import dev.dockmock.engine.images.ImageReference;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /build} asks for, checked before any output is written (so problems are plain
 * HTTP errors, as dockerd gives them before its first flush).
 *
 * @param dockerfile the parsed Dockerfile
 * @param context the build context, as a tree rooted at {@code /}
 * @param tags the {@code t} references, familiar and tagged ({@code demo:latest})
 * @param buildArgs the {@code buildargs} that have a value
 * @param labels the {@code labels} to add to the image
 * @param quiet {@code q}: print only the image id
 * @param rm {@code rm}: remove intermediate containers (default true)
 * @param noCache {@code nocache}: do not use the build cache
 * @param target {@code target}: the stage to stop at, empty for the last
 */
record BuildRequest(Dockerfile dockerfile, FileTree context, List<String> tags, Map<String, String> buildArgs,
        Map<String, String> labels, boolean quiet, boolean rm, boolean noCache, String target) {

    static BuildRequest from(ApiRequest request, Instant now) {
        if (request.query().first("remote").filter(r -> !r.isEmpty()).isPresent()) {
            throw new DockerException(400, "dockmock cannot fetch remote build contexts; send the context as a tar body");
        }
        FileTree context = FileTree.empty(now);
        TreeArchive.extract(context, "/", contextMembers(request.body(), now), false, now);
        String name = request.query().first("dockerfile").filter(d -> !d.isEmpty()).orElse("Dockerfile");
        FileNode file = context.get(context.resolve("/" + name, true))
                .or(() -> name.equals("Dockerfile") ? context.get("/dockerfile") : java.util.Optional.empty())
                .filter(n -> n.type() == FileNode.Type.FILE)
                .orElseThrow(() -> new DockerException(400, "Cannot locate specified Dockerfile: " + name));
        String text = new String(file.content(), StandardCharsets.UTF_8);
        Dockerfile dockerfile = Dockerfile.parse(text);
        if (dockerfile.stages().isEmpty()) {
            throw new DockerException(400, dockerfile.metaArgs().isEmpty() ? "the Dockerfile (" + name + ") cannot be empty"
                    : "dockerfile parse error: no build stage in current context");
        }
        String target = request.query().first("target").orElse("");
        if (!target.isEmpty() && dockerfile.stages().stream().noneMatch(s -> target.equalsIgnoreCase(alias(s)))) {
            throw new DockerException(400, "failed to reach build target " + target + " in Dockerfile");
        }
        List<String> tags = new ArrayList<>();
        for (String t : request.query().all("t")) {
            ImageReference reference = ImageReference.parse(t);
            if (reference.digest() != null) {
                throw new DockerException(400, "invalid reference format");
            }
            tags.add(reference.familiarTagged());
        }
        return new BuildRequest(dockerfile, context, tags, map(request, "buildargs"), map(request, "labels"),
                request.query().flag("q", false), request.query().flag("rm", true), request.query().flag("nocache", false), target);
    }

    /**
     * The members of a build context: a tar, gzip-compressed or not (dockerode gzips every context
     * it packs from a directory), or a lone Dockerfile.
     */
    private static List<TarEntry> contextMembers(byte[] body, Instant now) {
        BuildContextCompression.refuseUnreadable(body);
        byte[] plain = Gzip.decompress(body, TarReader.DEFAULT_LIMIT);
        if (TarReader.looksLikeTar(plain)) {
            // a tar with escaping, huge or corrupt members is refused, never read as a Dockerfile
            return TarReader.read(plain);
        }
        if (plain != body) {
            throw new DockerException(400, "the gzip-compressed build context is not a tar archive");
        }
        // "docker build - < Dockerfile" sends the Dockerfile itself, which dockerd accepts as a one-file context
        return List.of(TarEntry.file("Dockerfile", body, 0644, now));
    }

    /** The {@code AS} name of a stage, empty when it has none. */
    static String alias(Dockerfile.Stage stage) {
        String[] words = stage.from().args().strip().split("\\s+");
        return words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : "";
    }

    private static Map<String, String> map(ApiRequest request, String parameter) {
        Map<String, String> values = new LinkedHashMap<>();
        String text = request.query().first(parameter).orElse("");
        if (text.isEmpty()) {
            return values;
        }
        JsonNode node = Json.parse(text.getBytes(StandardCharsets.UTF_8));
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue().asText());
            }
        });
        return values;
    }
}
