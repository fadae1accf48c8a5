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

    /**
     * Attaches a created container to the user networks its create request named. When it names
     * others than the network mode's, the mode's network is attached first: the start attaches
     * it only to a container with no endpoint yet.
     */
    static void requestedNetworks(EngineContext context, Container container, JsonNode networkingConfig) {
        String mode = container.spec().networkMode();
        boolean modeAttached = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = networkingConfig.path("EndpointsConfig").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Network network = entry.getKey().equals("default") ? null : context.networks().find(entry.getKey()).orElse(null);
            if (network == null) {
                continue;   // "default", or a swarm network the engine does not have yet (joined at start)
            }
            List<String> aliases = aliases(entry.getValue());
            if (network.name().equals(mode)) {
                // the mode's network is joined on start, unless aliases for it must be kept (--network-alias)
                if (!aliases.isEmpty() && !modeAttached) {
                    modeAttached = true;
                    NetworkAttachments.connect(context, container, network, aliases);
                }
                continue;
            }
            if (!modeAttached) {
                // with other networks, the mode's is attached too (and first), as dockerd does
                modeAttached = true;
                Network modeNetwork = mode.startsWith("container:") ? null : context.networks().find(mode).orElse(null);
                if (modeNetwork != null) {
                    NetworkAttachments.connect(context, container, modeNetwork, aliases(networkingConfig.path("EndpointsConfig").path(mode)));
                }
            }
            NetworkAttachments.connect(context, container, network, aliases);
        }
    }

    private static List<String> aliases(JsonNode endpointConfig) {
        List<String> aliases = new ArrayList<>();
        endpointConfig.path("Aliases").forEach(a -> aliases.add(a.asText()));
        return aliases;
    }
}
