package dev.dockmock.engine.networks;

import dev.dockmock.engine.Filters;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code GET /networks} with dockerd's filters. Called with the engine's lock held. */
final class NetworkList {
    private static final Set<String> FILTERS = Set.of("dangling", "driver", "id", "label", "name", "scope", "type");

    private NetworkList() {
    }

    static List<Network> matching(Networks networks, NetworkMembers members, String filterJson) {
        Filters filters = Filters.parse(filterJson).accept(FILTERS);
        Boolean dangling = dangling(filters);
        List<Network> list = new ArrayList<>();
        for (Network network : networks.all()) {
            if (!filters.anyMatches("driver", v -> v.equals(network.driver()))
                    || !filters.anyMatches("name", v -> matches(v, network.name()))
                    || !filters.anyMatches("id", v -> matches(v, network.id()))
                    || !filters.labelsMatch("label", network.labels())
                    || !filters.anyMatches("scope", v -> v.equals(network.scope()))) {
                continue;
            }
            if (dangling != null) {
                boolean unused = !network.predefined() && members.active(network).isEmpty();
                if (unused != dangling) {
                    continue;
                }
            }
            list.add(network);
        }
        if (!filters.has("type")) {
            return list;
        }
        List<Network> typed = new ArrayList<>();
        for (String type : filters.get("type")) {
            if (!type.equals("builtin") && !type.equals("custom")) {
                throw new DockerException(500, "invalid filter: 'type'='" + type + "'");
            }
            list.stream().filter(n -> n.predefined() == type.equals("builtin")).forEach(typed::add);
        }
        return typed;
    }

    private static Boolean dangling(Filters filters) {
        List<String> values = filters.get("dangling");
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new DockerException(400, "got more than one value for filter key \"dangling\"");
        }
        return switch (values.get(0)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new DockerException(400,
                    "invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")");
        };
    }

    /** dockerd's {@code Match}: equal, or the value as an unanchored regular expression. */
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
