package dev.dockmock.engine.volumes;

import dev.dockmock.engine.Filters;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code GET /volumes} with dockerd's filters. Called with the engine's lock held. */
final class VolumeList {
    private static final Set<String> FILTERS = Set.of("dangling", "driver", "label", "name");

    private VolumeList() {
    }

    static List<Volume> matching(Volumes volumes, VolumeMounting mounting, String filterJson) {
        Filters filters = Filters.parse(filterJson).accept(FILTERS);
        Boolean dangling = bool(filters, "dangling");
        List<Volume> list = new ArrayList<>();
        for (Volume volume : volumes.all()) {
            if (filters.anyMatches("driver", v -> v.equals(volume.driver()))
                    && filters.anyMatches("name", v -> matches(v, volume.name()))
                    && filters.labelsMatch("label", volume.labelsOrEmpty())
                    && (dangling == null || mounting.users(volume.name()).isEmpty() == dangling)) {
                list.add(volume);
            }
        }
        return list;
    }

    /** dockerd's {@code GetBoolOrDefault}: absent is null; one kind of truthy or falsy value, or 400. */
    static Boolean bool(Filters filters, String name) {
        if (!filters.has(name)) {
            return null;
        }
        List<String> values = filters.get(name);
        boolean isTrue = values.contains("1") || values.contains("true");
        boolean isFalse = values.contains("0") || values.contains("false");
        if (isTrue == isFalse) {
            throw new DockerException(400, "invalid filter '" + name + (values.isEmpty() ? "" : "=" + String.join(",", values)) + "'");
        }
        return isTrue;
    }

    static boolean matches(String pattern, String value) {
        if (pattern.equals(value)) {
            return true;
        }
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
