package dev.dockmock.engine.files;

import dev.dockmock.engine.containers.Container;
import java.util.LinkedHashMap;
import java.util.Map;

/** The attributes dockerd gives container events: the container's labels, its image and its name. */
public final class ContainerEventAttributes {

    private ContainerEventAttributes() {
    }

    public static Map<String, String> of(Container container, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>(container.spec().labels());
        attributes.put("image", container.spec().image());
        attributes.put("name", container.name());
        attributes.putAll(extra);
        return attributes;
    }
}
