package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Readings of single values of a container's {@code Config} and {@code HostConfig}, as dockerd takes them. */
final class ConfigValues {
    private ConfigValues() {
    }

    /** A port as dockerd keys it: {@code 80} is {@code 80/tcp}. */
    static String normalisePort(String port) {
        return port.contains("/") ? port : port + "/tcp";
    }

    /** The texts of a JSON array; empty for a missing node or anything else. */
    static List<String> strings(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> list.add(n.asText()));
        }
        return list;
    }
}
