package dev.dockmock.scenario.model;

import java.util.Map;
import java.util.Optional;

/**
 * A kind of request in the journal.
 *
 * @param method the HTTP method, null for any
 * @param path a path template ({@code /containers/{id}/start}), null for any
 * @param query query parameters that must have these values
 * @param body JSON body fields (dotted paths, {@code HostConfig.Memory}) that must have these values
 * @param client the client label that must have sent it, if any
 * @param node in a swarm, the node whose listener it must have come to, if any (a replica's requests
 *     are journaled where they arrived, not where they were forwarded)
 */
public record RequestSpec(String method, String path, Map<String, String> query, Map<String, String> body, Optional<String> client,
        Optional<String> node) {

    public RequestSpec {
        query = Map.copyOf(query);
        body = Map.copyOf(body);
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method) + " " + (path == null ? "*" : path)
                + (query.isEmpty() ? "" : " query " + new java.util.TreeMap<>(query))
                + (body.isEmpty() ? "" : " with " + new java.util.TreeMap<>(body))
                + client.map(c -> " from " + c).orElse("")
                + node.map(n -> " to " + n).orElse("");
    }
}
