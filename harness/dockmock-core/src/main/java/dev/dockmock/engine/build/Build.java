package dev.dockmock.engine.build;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.files.FileSystems;
import dev.dockmock.engine.files.ImageFiles;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.images.Image;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run of the classic builder: {@code Step i/N : ...} for every instruction, the stages in
 * order, {@code {"aux":{"ID":...}}} at the end of each, then {@code Successfully built} and
 * {@code Successfully tagged}. Failures end the stream with an in-band error.
 */
final class Build {
    private static final Set<String> PREDEFINED_ARGS = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
            "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

    private final FileSystems files;
    private final EngineContext context;
    private final BuildRequest request;
    private final BuildOutput out;
    private final Words words;
    private final BaseImages bases;
    private final Steps steps;
    private final Set<String> usedArgs = new HashSet<>();
    private final List<Dockerfile.Stage> stages;
    private final int total;
    private int step;

    Build(FileSystems files, BuildCache cache, BuildRequest request, BuildOutput out) {
        this.files = files;
        this.context = files.context();
        this.request = request;
        this.out = out;
        this.words = new Words(request.dockerfile().escape());
        this.bases = new BaseImages(files);
        this.steps = new Steps(context, cache, request, out, words, bases, usedArgs);
        List<Dockerfile.Stage> all = request.dockerfile().stages();
        int last = all.size() - 1;
        for (int i = 0; i < all.size() && !request.target().isEmpty(); i++) {
            if (request.target().equalsIgnoreCase(BuildRequest.alias(all.get(i)))) {
                last = i;
                break;
            }
        }
        this.stages = all.subList(0, last + 1);
        this.total = request.dockerfile().metaArgs().size() + stages.stream().mapToInt(s -> 1 + s.instructions().size()).sum()
                + (request.labels().isEmpty() ? 0 : 1);
    }

    /** Runs the build to its end, writing everything to the output. */
    void run() throws InterruptedException {
        try {
            Map<String, String> meta = metaArgs();
            Map<String, BaseImages.Base> done = new HashMap<>();
            StageState state = null;
            String id = "";
            for (int index = 0; index < stages.size(); index++) {
                Dockerfile.Stage stage = stages.get(index);
                print(stage.from());
                BaseImages.Base base = bases.resolve(words.split(stage.from().args(), meta).get(0), done, out, context.clock().instant());
                state = base.state();
                id = base.id();
                out.stream(" ---> " + shortId(id) + "\n");
                List<Instruction> instructions = new ArrayList<>(stage.instructions());
                if (index == stages.size() - 1 && !request.labels().isEmpty()) {
                    instructions.add(labelInstruction());
                }
                for (Instruction instruction : instructions) {
                    print(instruction);
                    Steps.Result result = steps.execute(instruction, state, id, meta, done);
                    state = result.state();
                    id = result.id();
                    out.stream(" ---> " + shortId(id) + "\n");
                }
                if (!id.isEmpty()) {
                    out.aux(id);
                }
                done.put(String.valueOf(index), new BaseImages.Base(state, id));
                String alias = BuildRequest.alias(stage);
                if (!alias.isEmpty()) {
                    done.put(alias.toLowerCase(Locale.ROOT), new BaseImages.Base(state, id));
                }
            }
            finish(state, id);
        } catch (BuildFailure failure) {
            out.error(failure.getMessage(), failure.code());
        } catch (DockerException error) {
            out.error(error.getMessage(), 0);
        } catch (IllegalArgumentException error) {
            out.error("dockmock could not run this build: " + error.getMessage(), 0);
        }
    }

    private Map<String, String> metaArgs() {
        Map<String, String> meta = new LinkedHashMap<>();
        for (Instruction arg : request.dockerfile().metaArgs()) {
            print(arg);
            for (String word : words.splitRaw(arg.args())) {
                int eq = word.indexOf('=');
                String name = eq < 0 ? word : word.substring(0, eq);
                usedArgs.add(name);
                if (request.buildArgs().containsKey(name)) {
                    meta.put(name, request.buildArgs().get(name));
                } else if (eq >= 0) {
                    meta.put(name, words.expand(word.substring(eq + 1), meta));
                }
            }
        }
        return meta;
    }

    private void finish(StageState state, String id) {
        if (id.isEmpty()) {
            throw new BuildFailure("No image was generated. Is your Dockerfile empty?");
        }
        Set<String> unused = new TreeSet<>(request.buildArgs().keySet());
        unused.removeAll(usedArgs);
        unused.removeAll(PREDEFINED_ARGS);
        if (!unused.isEmpty()) {
            out.stream("[Warning] One or more build-args [" + String.join(" ", unused) + "] were not consumed\n");
        }
        synchronized (context.lock()) {
            Image image = context.images().find(id).filter(i -> i.id().equals(id)).orElseGet(() -> register(state, id));
            List<String> tags = new ArrayList<>(image.repoTags());
            for (String tag : request.tags()) {
                context.images().untagEverywhere(tag);
                tags.remove(tag);
                tags.add(tag);
                context.events().publish("image", "tag", id, Map.of("name", tag));
            }
            context.images().put(context.images().find(id).orElse(image).withTags(tags));
            context.changed();
        }
        out.stream("Successfully built " + shortId(id) + "\n");
        request.tags().forEach(tag -> out.stream("Successfully tagged " + tag + "\n"));
        out.quietResult(id);
    }

    private Image register(StageState state, String id) {
        byte[] config = state.document().bytes();
        files.register(id, new ImageFiles(state.layers(), Optional.of(config)));
        Image image = new Image(id, List.of(), List.of(), state.baseImageId(), state.created(),
                state.layers().stream().mapToLong(Layer::size).sum(), state.config(), state.document().diffIds(), "", state.source());
        context.images().put(image);
        return image;
    }

    private Instruction labelInstruction() {
        StringBuilder text = new StringBuilder("LABEL");
        new java.util.TreeMap<>(request.labels()).forEach((k, v) -> text.append(' ').append(quote(k)).append('=').append(quote(v)));
        return new Instruction("LABEL", Map.of(), text.substring(6), 0, text.toString());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"";
    }

    private void print(Instruction instruction) {
        out.stream("Step " + (++step) + "/" + total + " : " + instruction.original() + "\n");
    }

    private static String shortId(String id) {
        return id.isEmpty() ? "" : id.substring(7, 19);
    }
}
