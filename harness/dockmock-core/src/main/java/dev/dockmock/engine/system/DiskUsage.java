package dev.dockmock.engine.system;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.ContainerDocuments;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageDocuments;
import dev.dockmock.engine.volumes.Volume;
import dev.dockmock.engine.volumes.VolumeMounting;
import dev.dockmock.engine.volumes.Volumes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /system/df} from the engine's state: each image's size counts once as layers, each
 * container writes nothing (SizeRw 0), each volume's size is that of the files in it, and it
 * counts the containers that mount it. Called with the engine's lock held.
 */
final class DiskUsage {
    private final EngineContext context;
    private final Containers containers;
    private final Volumes volumes;
    private final VolumeMounting mounting;

    DiskUsage(EngineContext context, Containers containers, Volumes volumes, VolumeMounting mounting) {
        this.context = context;
        this.containers = containers;
        this.volumes = volumes;
        this.mounting = mounting;
    }

    /** The document, with only the kinds in {@code types} ({@code image}, {@code container}, {@code volume}, {@code build-cache}). */
    Map<String, Object> document(Set<String> types) {
        Map<String, Object> doc = new LinkedHashMap<>();
        long layers = 0;
        List<Map<String, Object>> images = null;
        if (types.contains("image")) {
            images = new ArrayList<>();
            for (Image image : context.images().all()) {
                int users = (int) containers.all().stream().filter(c -> c.imageId().equals(image.id())).count();
                Map<String, Object> summary = ImageDocuments.summary(image, users);
                summary.put("SharedSize", 0);
                images.add(summary);
                layers += image.size();
            }
        }
        doc.put("LayersSize", layers);
        doc.put("Images", images);
        doc.put("Containers", types.contains("container") ? containers() : null);
        doc.put("Volumes", types.contains("volume") ? volumes() : null);
        doc.put("BuildCache", types.contains("build-cache") ? List.of() : null);
        return doc;
    }

    private List<Map<String, Object>> containers() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Container c : containers.all()) {
            Image image = context.images().find(c.imageId()).orElse(null);
            String imageName = image == null ? c.imageId() : c.spec().image();
            Map<String, Object> summary = ContainerDocuments.summary(c, context.networks(), imageName);
            summary.put("SizeRw", 0);
            summary.put("SizeRootFs", image == null ? 0 : image.size());
            list.add(summary);
        }
        return list;
    }

    private List<Map<String, Object>> volumes() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Volume volume : volumes.all()) {
            // dockerd sizes local volumes without mount options only: the others are not on its disk
            if (!volume.driver().equals("local") || (volume.options() != null && !volume.options().isEmpty())) {
                continue;
            }
            Map<String, Object> doc = volume.document();
            long size = volumes.contents(volume.name()).map(FileTree::contentSize).orElse(0L);
            doc.put("UsageData", Map.of("Size", size, "RefCount", mounting.users(volume.name()).size()));
            list.add(doc);
        }
        return list;
    }
}
