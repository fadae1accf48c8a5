package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.networks.Network;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The networks named at create time ({@code NetworkMode}, {@code NetworkingConfig}). */
final class Networking {

    private Networking() {
    }

    /**
     * Checks the networks a create request names ({@code default} is the daemon's default network).
     *
     * @throws DockerException 404 when a named network does not exist
     */
    static void check(EngineContext context, ContainerSpec spec, JsonNode networkingConfig) {
        String mode = spec.networkMode();
        if (!mode.startsWith("container:") && !known(context, mode)) {
            throw new DockerException(404, "network " + mode + " not found");
        }
        for (Iterator<String> it = networkingConfig.path("EndpointsConfig").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("default") && !known(context, name)) {
                context.networks().get(name);
            }
        }
    }

    /** Whether the engine has the network, or its swarm does (a swarm network comes to the engine when a container joins it). */
    private static boolean known(EngineContext context, String idOrName) {
        return context.networks().find(idOrName).isPresent() || context.networks().swarmNetwork(idOrName).isPresent();
    }

    /** Attaches a created container to the user networks its create request named. */
    static void requestedNetworks(EngineContext context, Container container, JsonNode networkingConfig) {
        String mode = container.spec().networkMode();
        for (Iterator<Map.Entry<String, JsonNode>> it = networkingConfig.path("EndpointsConfig").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals("default")) {
                continue;
            }
            Network network = context.networks().find(entry.getKey()).orElse(null);
            if (network == null) {
                continue;   // a swarm network the engine does not have yet: joined at start, as the network mode
            }
            List<String> aliases = new ArrayList<>();
            entry.getValue().path("Aliases").forEach(a -> aliases.add(a.asText()));
            if (!network.name().equals(mode)) {
                NetworkAttachments.connect(context, container, network, aliases);
            }
        }
    }
}
