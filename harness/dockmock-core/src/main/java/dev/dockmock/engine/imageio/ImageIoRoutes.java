package dev.dockmock.engine.imageio;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.files.FileSystems;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.images.Image;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docker save} ({@code GET /images/get}, {@code GET /images/{name}/get}) and {@code docker load}. */
public final class ImageIoRoutes {
    private final EngineContext context;
    private final ImageSaver saver;
    private final ImageLoader loader;

    public ImageIoRoutes(FileSystems files) {
        this.context = files.context();
        this.saver = new ImageSaver(files);
        this.loader = new ImageLoader(files, new KnownConfigs(files));
    }

    public List<Route> routes() {
        return List.of(
                Route.of("GET", "/images/get", (r, p) -> save(r.query().all("names"))),
                Route.of("GET", "/images/{name*}/get", (r, p) -> save(List.of(p.get("name")))),
                Route.of("POST", "/images/load", this::load));
    }

    private ApiResponse save(List<String> names) {
        if (names.isEmpty()) {
            throw new DockerException(400, "no images specified");
        }
        synchronized (context.lock()) {
            Map<Image, List<String>> images = saver.select(names);
            byte[] archive = saver.archive(images);
            images.keySet().forEach(image -> context.events().publish("image", "save", image.id(), Map.of("name", image.id())));
            return ApiResponse.builder(200).header("Content-Type", "application/x-tar").body(archive).build();
        }
    }

    private ApiResponse load(ApiRequest request, PathParams params) {
        boolean quiet = request.query().flag("quiet", false);
        byte[] body = request.body();
        return ApiResponse.streamed(200, ApiResponse.JSON, sink -> {
            try {
                loader.load(body, layer -> {
                    if (!quiet) {
                        send(sink, progress(layer));
                    }
                }, line -> send(sink, Map.of("stream", line)));
            } catch (DockerException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("errorDetail", Map.of("message", e.getMessage()));
                error.put("error", e.getMessage());
                sink.send(Json.line(error));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    private static void send(dev.dockmock.protocol.StreamSink sink, Map<String, Object> message) {
        try {
            sink.send(Json.line(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one progress line dockerd ends each loaded layer with. */
    private static Map<String, Object> progress(Layer layer) {
        long size = layer.tar().length;
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("status", "Loading layer");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("current", size);
        detail.put("total", size);
        message.put("progressDetail", detail);
        message.put("progress", "[" + "=".repeat(50) + ">] " + human(size) + "/" + human(size));
        message.put("id", layer.diffId().substring(7, 19));
        return message;
    }

    private static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + "B";
        }
        String[] units = {"kB", "MB", "GB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.3g%s", value, units[unit]);
    }
}
