package dev.dockmock.engine.build;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FilePaths;
import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.Gzip;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarReader;
import dev.dockmock.engine.files.TreeArchive;
import dev.dockmock.protocol.DockerException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code COPY} and {@code ADD}: files from the build context (or, with {@code --from}, from a stage
 * or image) into the stage's filesystem, as a new layer. Directories copy their contents; several
 * sources need a directory destination; {@code ADD} unpacks local tar archives. {@code --chown}
 * is accepted and ignored (files belong to root), {@code --chmod} is applied.
 */
final class CopyStep {
    private final Words words;

    CopyStep(Words words) {
        this.words = words;
    }

    /** The sources and destination of the instruction, variables expanded. */
    List<String> arguments(Instruction instruction, Map<String, String> vars) {
        return instruction.execForm().map(exec -> exec.stream().map(a -> words.expand(a, vars)).toList())
                .orElseGet(() -> words.split(instruction.args(), vars));
    }

    /**
     * What the sources hold, as text that changes when any copied file does: the key under which
     * the step's result is cached.
     */
    String sourceKey(List<String> arguments, FileTree source) {
        StringBuilder key = new StringBuilder();
        for (String pattern : arguments.subList(0, arguments.size() - 1)) {
            for (String path : matches(source, pattern)) {
                source.subtree(path).forEach((p, node) -> key.append(p).append(' ').append(node.type()).append(' ')
                        .append(Integer.toOctalString(node.mode())).append(' ').append(node.linkTarget()).append(' ')
                        .append(Layer.sha256(node.content())).append('\n'));
            }
        }
        return key.toString();
    }

    /**
     * Copies into {@code tree} and returns the layer of what changed.
     *
     * @throws BuildFailure when a source is missing or the destination cannot take several sources
     */
    Layer apply(Instruction instruction, List<String> arguments, FileTree source, FileTree tree, ConfigEditor config, Instant now) {
        FileTree before = tree.copy();
        List<String> sources = arguments.subList(0, arguments.size() - 1);
        String rawDest = arguments.get(arguments.size() - 1);
        String dest = config.workdir(rawDest);
        boolean add = instruction.keyword().equals("ADD");
        List<String> matched = new ArrayList<>();
        for (String pattern : sources) {
            if (add && pattern.matches("(?i)^(https?|git)://.*")) {
                throw new BuildFailure("dockmock cannot download ADD sources: " + pattern);
            }
            List<String> found = matches(source, pattern);
            if (found.isEmpty()) {
                throw new BuildFailure(instruction.keyword() + " failed: file not found in build context or excluded by "
                        + ".dockerignore: stat " + pattern + ": file does not exist");
            }
            matched.addAll(found);
        }
        boolean destIsDir = FilePaths.namesContents(rawDest) || tree.get(tree.resolve(dest, true)).map(FileNode::isDirectory).orElse(false);
        if (matched.size() > 1 && !destIsDir) {
            throw new BuildFailure("When using " + instruction.keyword() + " with more than one source file, the destination must be "
                    + "a directory and end with a /");
        }
        Integer chmod = instruction.flag("chmod").map(m -> Integer.parseInt(m, 8)).orElse(null);
        for (String path : matched) {
            FileNode node = source.get(path).orElseThrow();
            List<TarEntry> unpacked = add && node.type() == FileNode.Type.FILE ? archive(node) : null;
            if (node.isDirectory()) {
                tree.ensureDirectory(dest, now);
                source.subtree(path).forEach((p, n) -> {
                    if (!p.equals(path)) {
                        tree.write(FilePaths.child(dest, p.substring(path.equals("/") ? 1 : path.length() + 1)), owned(n, chmod), now);
                    }
                });
            } else if (unpacked != null) {
                tree.ensureDirectory(dest, now);
                TreeArchive.extract(tree, tree.resolve(dest, true), unpacked, false, now);
            } else {
                String target = destIsDir ? FilePaths.child(dest, FilePaths.base(path)) : dest;
                tree.write(FilePaths.child(tree.resolve(FilePaths.parent(target), true), FilePaths.base(target)), owned(node, chmod), now);
            }
        }
        return Layer.diff(before, tree);
    }

    /** The paths of {@code source} a pattern names ({@code *}, {@code ?} and {@code [...]} match within one element). */
    static List<String> matches(FileTree source, String pattern) {
        String clean = FilePaths.clean("/" + pattern);
        if (!clean.matches(".*[*?\\[].*")) {
            String resolved = source.resolve(clean, true);
            return source.get(resolved).isPresent() ? List.of(resolved) : List.of();
        }
        StringBuilder regex = new StringBuilder();
        for (char c : clean.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[', ']' -> regex.append(c);
                case '!' -> regex.append(regex.length() > 0 && regex.charAt(regex.length() - 1) == '[' ? "^" : "!");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Pattern compiled = Pattern.compile(regex.toString());
        return source.entries().keySet().stream().filter(p -> compiled.matcher(p).matches()).toList();
    }

    private static FileNode owned(FileNode node, Integer chmod) {
        FileNode rooted = new FileNode(node.type(), node.mode(), 0, 0, node.mtime(), node.content(), node.linkTarget());
        return chmod == null || node.type() == FileNode.Type.SYMLINK ? rooted : rooted.withMode(chmod);
    }

    private static List<TarEntry> archive(FileNode node) {
        byte[] content = node.content();
        if (!Gzip.isGzip(content) && (content.length < 512 || !new String(content, 257, 5, StandardCharsets.US_ASCII).equals("ustar"))) {
            return null;
        }
        try {
            return TarReader.read(content);
        } catch (DockerException e) {
            return null;
        }
    }
}
