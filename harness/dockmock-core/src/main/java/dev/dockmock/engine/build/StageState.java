package dev.dockmock.engine.build;

import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.imageio.ConfigDocument;
import dev.dockmock.engine.images.ImageConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build stage after a step: config, layers and history, plus what only the builder tracks
 * (shell, whether {@code CMD} was set, declared arguments). Immutable, so a step's result can be
 * cached and reused.
 *
 * @param config the image config so far
 * @param shell the shell of shell-form instructions
 * @param cmdSet whether this stage set {@code CMD} (then {@code ENTRYPOINT} keeps it)
 * @param author the {@code MAINTAINER}
 * @param layers the layers, bottom first
 * @param history the history, one entry per step
 * @param created when the last step ran
 * @param baseImageId the id of the image the stage started from, empty for scratch
 * @param source the registry repository the stage's files came from, for simulated commands
 * @param args the build arguments declared in this stage, with their values
 */
record StageState(ImageConfig config, List<String> shell, boolean cmdSet, String author, List<Layer> layers,
        List<ConfigDocument.History> history, Instant created, String baseImageId, String source, Map<String, String> args) {

    StageState {
        shell = List.copyOf(shell);
        layers = List.copyOf(layers);
        history = List.copyOf(history);
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    ConfigEditor editor() {
        ConfigEditor editor = new ConfigEditor(config);
        editor.shell = shell;
        editor.cmdSet = cmdSet;
        editor.author = author;
        return editor;
    }

    /** The state after a step: a changed config, and the layer it made (null when none). */
    StageState with(ConfigEditor editor, Layer layer, String createdBy, Instant at) {
        List<Layer> more = new ArrayList<>(layers);
        if (layer != null) {
            more.add(layer);
        }
        return new StageState(editor.toConfig(), editor.shell, editor.cmdSet, editor.author, more,
                append(new ConfigDocument.History(at, createdBy, "", layer == null)), at, baseImageId, source, args);
    }

    /** The state after a step that made {@code layer} and left the config alone. */
    StageState with(Layer layer, String createdBy, Instant at) {
        return with(editor(), layer, createdBy, at);
    }

    StageState withArg(String name, String value, String createdBy, Instant at) {
        Map<String, String> more = new LinkedHashMap<>(args);
        more.put(name, value);
        return new StageState(config, shell, cmdSet, author, layers, append(new ConfigDocument.History(at, createdBy, "", true)),
                at, baseImageId, source, more);
    }

    /** What {@code $VAR} expands to: declared arguments, overridden by the environment. */
    Map<String, String> vars() {
        Map<String, String> vars = new LinkedHashMap<>(args);
        vars.putAll(editor().env);
        return vars;
    }

    ConfigDocument document() {
        return new ConfigDocument(config, created, author, "", history, layers.stream().map(Layer::diffId).toList());
    }

    /** The id an image of this state has. */
    String id() {
        return document().id();
    }

    FileTree tree() {
        FileTree tree = FileTree.empty(created);
        layers.forEach(layer -> layer.applyTo(tree));
        return tree;
    }

    private List<ConfigDocument.History> append(ConfigDocument.History entry) {
        List<ConfigDocument.History> more = new ArrayList<>(history);
        more.add(entry);
        return more;
    }
}
