package dev.dockmock.engine.networks;

import dev.dockmock.protocol.DockerException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds one network by a client's term as dockerd does: full id first, then exact name, then a
 * unique id prefix; an id prefix shared by several networks is refused as ambiguous.
 */
public final class NetworkLookup {

    private NetworkLookup() {
    }

    /**
     * The network {@code term} names, worded as remove, connect and disconnect word failures.
     *
     * @throws DockerException 404 {@code network x not found}, 400 when ambiguous
     */
    public static Network unique(Networks networks, String term) {
        return find(networks, term, n -> true, count -> "network " + term + " is ambiguous (" + count
                + " matches found based on ID prefix)");
    }

    /** Like {@link #unique}, worded as inspect words it, among networks of {@code scope} when given. */
    static Network forInspect(Networks networks, String term, String scope) {
        return find(networks, term, n -> scope.isEmpty() || n.scope().equals(scope),
                count -> count + " matches found based on ID prefix: network " + term + " is ambiguous");
    }

    private static Network find(Networks networks, String term, Predicate<Network> inScope,
            java.util.function.IntFunction<String> ambiguous) {
        List<Network> candidates = networks.all().stream().filter(inScope).toList();
        for (Network network : candidates) {
            if (network.id().equals(term)) {
                return network;
            }
        }
        for (Network network : candidates) {
            if (network.name().equals(term)) {
                return network;
            }
        }
        List<Network> prefixed = candidates.stream().filter(n -> n.id().startsWith(term)).toList();
        if (prefixed.size() > 1) {
            throw new DockerException(400, ambiguous.apply(prefixed.size()));
        }
        if (prefixed.isEmpty() || term.isEmpty()) {
            throw new DockerException(404, "network " + term + " not found");
        }
        return prefixed.get(0);
    }
}
