package dev.dockmock.engine.build;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.images.ImageConfig;
import dev.dockmock.engine.process.ProcessFiles;
import dev.dockmock.engine.process.ProcessUsers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one instruction of a stage, through the cache: metadata instructions and {@code RUN} in
 * an intermediate container ({@code Running in} / {@code Removed intermediate container}),
 * {@code COPY} and {@code ADD} straight into a layer.
 */
final class Steps {
    /** A step's outcome: the new state and the id it prints. */
    record Result(StageState state, String id) {
    }

    private final EngineContext context;
    private final BuildCache cache;
    private final BuildRequest request;
    private final BuildOutput out;
    private final Words words;
    private final CopyStep copy;
    private final RunStep runner;
    private final BaseImages bases;
    private final Set<String> usedArgs;

    Steps(EngineContext context, BuildCache cache, BuildRequest request, BuildOutput out, Words words, BaseImages bases,
            Set<String> usedArgs) {
        this.context = context;
        this.cache = cache;
        this.request = request;
        this.out = out;
        this.words = words;
        this.copy = new CopyStep(words);
        this.runner = new RunStep(context.programs());
        this.bases = bases;
        this.usedArgs = usedArgs;
    }

    Result execute(Instruction instruction, StageState state, String parentId, Map<String, String> meta,
            Map<String, BaseImages.Base> stages) throws InterruptedException {
        Instant now = context.clock().instant();
        switch (instruction.keyword()) {
            case "COPY", "ADD" -> {
                FileTree source = instruction.flag("from").map(from -> sourceOf(words.expand(from, meta), stages, now))
                        .orElse(request.context());
                List<String> arguments = copy.arguments(instruction, state.vars());
                String key = BuildCache.key(parentId, instruction, copy.sourceKey(arguments, source));
                Optional<StageState> cached = cached(key);
                if (cached.isPresent()) {
                    return new Result(cached.get(), cached.get().id());
                }
                Layer layer = copy.apply(instruction, arguments, source, state.tree(), state.editor(), now);
                return store(key, state.with(layer, "/bin/sh -c #(nop) " + instruction.keyword() + " " + String.join(" ", arguments)
                        + " ", now));
            }
            case "RUN" -> {
                Map<String, String> env = runEnvironment(state);
                String key = BuildCache.key(parentId, instruction, env.toString());
                Optional<StageState> cached = cached(key);
                if (cached.isPresent()) {
                    return new Result(cached.get(), cached.get().id());
                }
                List<String> argv = state.editor().execOrShell(instruction);
                String container = running();
                FileTree tree = state.tree();
                FileTree before = tree.copy();
                ProcessFiles files;
                try {
                    // a RUN after USER runs as that user, as the classic builder's step container does
                    files = ProcessUsers.files(ProcessFileView.of(tree, context.clock(), false),
                            java.util.Objects.toString(state.config().user(), ""));
                } catch (ProcessUsers.UnknownUser e) {
                    throw new BuildFailure(e.getMessage(), 1);
                }
                int code = runner.run(state.source(), argv, instruction.execForm().isPresent() ? null : instruction.args(), env,
                        state.editor().workdir(""), container.substring(0, 12), files, out);
                if (code != 0) {
                    throw new BuildFailure("The command '" + String.join(" ", argv) + "' returned a non-zero code: " + code, code);
                }
                removed(container);
                return store(key, state.with(Layer.diff(before, tree), String.join(" ", argv), now));
            }
            default -> {
                String key = BuildCache.key(parentId, instruction, state.vars().toString() + request.buildArgs());
                Optional<StageState> cached = cached(key);
                if (cached.isPresent()) {
                    return new Result(cached.get(), cached.get().id());
                }
                String container = running();
                StageState next = instruction.keyword().equals("ARG") ? arg(instruction, state, meta, now) : metadata(instruction, state, now);
                removed(container);
                return store(key, next);
            }
        }
    }

    private StageState metadata(Instruction instruction, StageState state, Instant now) {
        ConfigEditor editor = state.editor();
        String createdBy = editor.apply(instruction, state.vars(), words);
        Layer layer = null;
        if (instruction.keyword().equals("WORKDIR")) {
            FileTree tree = state.tree();
            String dir = tree.resolve(editor.workingDir, true);
            if (!tree.get(dir).map(FileNode::isDirectory).orElse(false)) {
                FileTree before = tree.copy();
                tree.ensureDirectory(dir, now);
                layer = Layer.diff(before, tree);
            }
        }
        return state.with(editor, layer, createdBy, now);
    }

    private StageState arg(Instruction instruction, StageState state, Map<String, String> meta, Instant now) {
        StageState next = state;
        for (String word : words.splitRaw(instruction.args())) {
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            usedArgs.add(name);
            String value = request.buildArgs().containsKey(name) ? request.buildArgs().get(name)
                    : eq >= 0 ? words.expand(word.substring(eq + 1), next.vars()) : meta.getOrDefault(name, "");
            next = next.withArg(name, value, "/bin/sh -c #(nop)  ARG " + word, now);
        }
        return next;
    }

    /** What a {@code RUN} sees: build arguments, then the image's environment, with a PATH. */
    private static Map<String, String> runEnvironment(StageState state) {
        Map<String, String> env = new LinkedHashMap<>(state.vars());
        env.putIfAbsent("PATH", ImageConfig.DEFAULT_PATH.substring(5));
        return env;
    }

    private FileTree sourceOf(String from, Map<String, BaseImages.Base> stages, Instant now) {
        return bases.resolve(from, stages, out, now).state().tree();
    }

    private Optional<StageState> cached(String key) {
        Optional<StageState> hit = request.noCache() ? Optional.empty() : cache.find(key);
        hit.ifPresent(h -> out.stream(" ---> Using cache\n"));
        return hit;
    }

    private Result store(String key, StageState state) {
        cache.put(key, state);
        return new Result(state, state.id());
    }

    private String running() {
        String id;
        synchronized (context.lock()) {
            id = context.ids().next();
        }
        out.stream(" ---> Running in " + id.substring(0, 12) + "\n");
        return id;
    }

    private void removed(String container) {
        if (request.rm()) {
            out.stream(" ---> Removed intermediate container " + container.substring(0, 12) + "\n");
        }
    }
}
