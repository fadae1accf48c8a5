package dev.dockmock.engine.files;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files in containers: {@code docker cp} both ways ({@code GET}, {@code HEAD} and {@code PUT}
 * {@code /containers/{id}/archive}) through the container's view, its volumes mounted; and
 * {@code docker export} and {@code docker diff} of its own tree, which holds no volume's files,
 * as dockerd's export and diff of the container's layer hold none.
 */
public final class ArchiveRoutes {
    static final String STAT_HEADER = "X-Docker-Container-Path-Stat";
    private static final String TAR = "application/x-tar";

    private final FileSystems files;
    private final EngineContext context;

    public ArchiveRoutes(FileSystems files) {
        this.files = files;
        this.context = files.context();
    }

    public List<Route> routes() {
        return List.of(
                Route.of("HEAD", "/containers/{id}/archive", this::head),
                Route.of("GET", "/containers/{id}/archive", this::get),
                Route.of("PUT", "/containers/{id}/archive", this::put),
                Route.of("GET", "/containers/{id}/export", this::export),
                Route.of("GET", "/containers/{id}/changes", this::changes));
    }

    /** A path of a container, found as dockerd finds it: links in the last element are not followed. */
    private record Found(Container container, PathTree tree, String path, FileNode node, PathStat stat, String tarName) {
    }

    private Found find(ApiRequest request, PathParams params) {
        String raw = path(request);
        Container container = files.containers().get(params.get("id"));
        PathTree tree = files.view(container);
        boolean contents = FilePaths.namesContents(raw);
        String path = tree.resolve(raw, contents);
        FileNode node = tree.get(path).orElseThrow(() -> notFound(raw, params.get("id")));
        if (contents && !node.isDirectory()) {
            throw new DockerException(400, "lstat " + raw + ": not a directory");
        }
        String name = raw.endsWith("/.") || raw.equals(".") ? "." : FilePaths.base(FilePaths.clean(raw));
        String linkTarget = node.type() == FileNode.Type.SYMLINK ? tree.resolve(path, true) : "";
        return new Found(container, tree, path, node, PathStat.of(name, node, linkTarget), name.equals("/") ? "." : name);
    }

    private ApiResponse head(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            return ApiResponse.builder(200).header(STAT_HEADER, find(request, params).stat().headerValue()).build();
        }
    }

    private ApiResponse get(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            Found found = find(request, params);
            byte[] tar = TarWriter.archive(TreeArchive.members(found.tree(), found.path(), found.tarName()));
            publish(found.container(), "archive-path");
            return ApiResponse.builder(200).header("Content-Type", TAR).header(STAT_HEADER, found.stat().headerValue())
                    .body(tar).build();
        }
    }

    private ApiResponse put(ApiRequest request, PathParams params) {
        String raw = path(request);
        boolean noOverwriteDirNonDir = request.query().flag("noOverwriteDirNonDir", false);
        List<TarEntry> members = TarReader.read(request.body());
        synchronized (context.lock()) {
            Container container = files.containers().get(params.get("id"));
            PathTree tree = files.view(container);
            String dir = tree.resolve(raw, true);
            // dockerd's order: the path must exist and be a directory before the mounts are asked
            FileNode node = tree.get(dir).orElseThrow(() -> notFound(raw, params.get("id")));
            if (!node.isDirectory()) {
                throw new DockerException(400, "extraction point is not a directory");
            }
            Optional<WritableMounts.Point> mount = WritableMounts.of(container).deepest(dir);
            if (mount.isEmpty() && container.spec().hostConfig().path("ReadonlyRootfs").asBoolean(false)) {
                throw new DockerException(403, "container rootfs is marked read-only");
            }
            if (mount.isPresent() && !mount.get().writable()) {
                throw new DockerException(400, "mounted volume is marked read-only");
            }
            TreeArchive.extract(tree, dir, members, noOverwriteDirNonDir, context.clock().instant());
            publish(container, "extract-to-dir");
            context.changed();
        }
        return ApiResponse.empty(200);
    }

    private ApiResponse export(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            Container container = files.containers().get(params.get("id"));
            byte[] tar = TarWriter.archive(TreeArchive.export(files.of(container).tree()));
            publish(container, "export");
            // the spec's ContainerExport produces application/octet-stream (the archive answer is x-tar)
            return ApiResponse.builder(200).header("Content-Type", "application/octet-stream").body(tar).build();
        }
    }

    private ApiResponse changes(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            Container container = files.containers().get(params.get("id"));
            List<Map<String, Object>> changes = files.of(container).changes().stream().map(Change::toJson).toList();
            // dockerd encodes an empty Go slice here as null
            return changes.isEmpty() ? ApiResponse.json(200, "null") : ApiResponse.json(200, Json.bytes(changes));
        }
    }

    private void publish(Container container, String action) {
        context.events().publish("container", action, container.id(), ContainerEventAttributes.of(container, Map.of()));
    }

    private static String path(ApiRequest request) {
        String raw = request.query().first("path").orElse("");
        if (raw.isEmpty()) {
            throw new DockerException(400, "bad parameter: path cannot be empty");
        }
        return raw;
    }

    private static DockerException notFound(String path, String container) {
        return new DockerException(404, "Could not find the file " + path + " in container " + container);
    }
}
