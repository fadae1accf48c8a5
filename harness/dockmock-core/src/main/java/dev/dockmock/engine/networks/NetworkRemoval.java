package dev.dockmock.engine.networks;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.Filters;
import dev.dockmock.protocol.DockerException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code DELETE /networks/{id}} and {@code POST /networks/prune}. Called with the engine's lock held. */
final class NetworkRemoval {
    private static final Set<String> PRUNE_FILTERS = Set.of("label", "label!", "until");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)");

    private final EngineContext context;
    private final NetworkMembers members;

    NetworkRemoval(EngineContext context, NetworkMembers members) {
        this.context = context;
        this.members = members;
    }

    /** @throws DockerException 403 for predefined networks and networks with running containers */
    void remove(String term) {
        Network network = NetworkLookup.unique(context.networks(), term);
        if (network.predefined()) {
            throw new DockerException(403, network.name() + " is a pre-defined network and cannot be removed");
        }
        List<NetworkMembers.Member> active = members.active(network);
        if (!active.isEmpty()) {
            String endpoints = active.stream()
                    .map(m -> "name:\"" + m.name() + "\" id:\"" + m.endpointId().substring(0, Math.min(12, m.endpointId().length())) + "\"")
                    .collect(Collectors.joining(", "));
            throw new DockerException(403, "error while removing network: network " + network.name()
                    + " has active endpoints (" + endpoints + ")");
        }
        destroy(network);
    }

    private void destroy(Network network) {
        context.networks().remove(network.id());
        NetworkEvents.publish(context.events(), network, "destroy", Map.of());
        context.changed();
    }

    /**
     * Removes unused local user networks; the swarm's networks the filters match and no container
     * here uses are left to the caller, who asks the swarm (they are the swarm's to remove).
     *
     * @param swarmCandidates receives those swarm networks
     * @return the names removed
     */
    List<String> prune(String filterJson, List<Network> swarmCandidates) {
        Filters filters = Filters.parse(filterJson).accept(PRUNE_FILTERS);
        Instant until = until(filters);
        List<String> deleted = new ArrayList<>();
        for (Network network : context.networks().all()) {
            if (network.predefined() || (until != null && network.created().isAfter(until))
                    || !filters.labelsMatch("label", network.labels())
                    || (filters.has("label!") && filters.labelsMatch("label!", network.labels()))
                    || !members.active(network).isEmpty()) {
                continue;
            }
            if (network.scope().equals("swarm")) {
                swarmCandidates.add(network);
                continue;
            }
            destroy(network);
            deleted.add(network.name());
        }
        return deleted;
    }

    /** The {@code prune} event that ends a prune. */
    void pruned() {
        context.events().publish("network", "prune", "", Map.of("reclaimed", "0"));
    }

    private Instant until(Filters filters) {
        List<String> values = filters.get("until");
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new DockerException(400, "more than one until filter specified");
        }
        return timestamp(values.get(0), context.clock().instant());
    }

    /** A prune {@code until}: a Go duration before now ({@code 24h}), unix seconds, or RFC 3339. */
    static Instant timestamp(String value, Instant now) {
        if (value.matches("(\\d+(\\.\\d+)?(h|m|s|ms))+")) {
            Duration total = Duration.ZERO;
            Matcher part = DURATION_PART.matcher(value);
            while (part.find()) {
                double amount = Double.parseDouble(part.group(1));
                long millis = switch (part.group(2)) {
                    case "h" -> (long) (amount * 3_600_000);
                    case "m" -> (long) (amount * 60_000);
                    case "s" -> (long) (amount * 1000);
                    default -> (long) amount;
                };
                total = total.plusMillis(millis);
            }
            return now.minus(total);
        }
        try {
            if (value.matches("\\d+(\\.\\d+)?")) {
                double seconds = Double.parseDouble(value);
                return Instant.ofEpochMilli((long) (seconds * 1000));
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DockerException(400, "failed to parse value as time or duration: \"" + value + "\"");
        }
    }
}
