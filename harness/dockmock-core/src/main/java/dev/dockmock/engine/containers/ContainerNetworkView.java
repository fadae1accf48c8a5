package dev.dockmock.engine.containers;

import dev.dockmock.engine.process.ProcessFiles;
import dev.dockmock.engine.process.ProcessNetwork;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What a process in one container reaches by tcp: the container's own exposed ports through its
 * loopback names, host name or addresses, and the ports of the running containers it shares a
 * network with, by address or, on a user-defined network, by name, alias or short id (as
 * dockerd's embedded DNS answers; the default {@code bridge} network has no DNS).
 */
final class ContainerNetworkView implements ProcessNetwork {
    private static final String DEFAULT_BRIDGE = "bridge";

    private final Containers containers;
    private final Container self;

    ContainerNetworkView(Containers containers, Container self) {
        this.containers = containers;
        this.self = self;
    }

    @Override
    public Reach connect(String host, int port) {
        synchronized (containers.context().lock()) {
            Container own = namespaceOwner();
            if (LOOPBACK.contains(host)) {
                return reach(own, host.contains(":") ? "::1" : "127.0.0.1", port);
            }
            if (host.equalsIgnoreCase(own.spec().hostname())) {
                return reach(own, firstAddress(own).orElse("127.0.0.1"), port);
            }
            for (Container.Endpoint endpoint : own.endpoints().values()) {
                if (endpoint.ipAddress().equals(host)) {
                    return reach(own, host, port);
                }
            }
            for (Container other : containers.all()) {
                Optional<Reach> found = peer(own, other, host, port);
                if (found.isPresent()) {
                    return found.get();
                }
            }
            // --add-host names, from the /etc/hosts the container sees; an address no container
            // holds (the host gateway) is refused: nothing leaves the simulation
            Optional<String> listed = hostsFileAddress(host);
            if (listed.isPresent() && !listed.get().equals(host)) {
                Reach reach = connect(listed.get(), port);
                return reach instanceof Reach.Unresolved ? new Reach.Refused(listed.get()) : reach;
            }
            return new Reach.Unresolved();
        }
    }

    private Optional<String> hostsFileAddress(String host) {
        if (!(containers.processFiles(self).lookup("/etc/hosts").orElse(null) instanceof ProcessFiles.Entry.File hosts)) {
            return Optional.empty();
        }
        for (String line : new String(hosts.content(), StandardCharsets.UTF_8).split("\n")) {
            String[] words = line.replaceAll("#.*", "").trim().split("\\s+");
            for (int i = 1; i < words.length; i++) {
                if (words[i].equalsIgnoreCase(host)) {
                    return Optional.of(words[0]);
                }
            }
        }
        return Optional.empty();
    }

    /** A container started with {@code --network container:X} shares X's interfaces. */
    private Container namespaceOwner() {
        String mode = self.spec().networkMode();
        if (mode.startsWith("container:")) {
            return containers.find(mode.substring("container:".length())).orElse(self);
        }
        return self;
    }

    private Optional<Reach> peer(Container own, Container other, String host, int port) {
        for (Map.Entry<String, Container.Endpoint> mine : own.endpoints().entrySet()) {
            for (Map.Entry<String, Container.Endpoint> theirs : other.endpoints().entrySet()) {
                if (!mine.getValue().networkId().equals(theirs.getValue().networkId())) {
                    continue;
                }
                Container.Endpoint endpoint = theirs.getValue();
                if (endpoint.ipAddress().equals(host)) {
                    return Optional.of(reach(other, host, port));
                }
                boolean named = other.name().equalsIgnoreCase(host) || other.shortId().equals(host)
                        || endpoint.aliases().stream().anyMatch(host::equalsIgnoreCase);
                if (named && !theirs.getKey().equals(DEFAULT_BRIDGE) && other.status().isUp()) {
                    return Optional.of(reach(other, endpoint.ipAddress(), port));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstAddress(Container container) {
        return container.endpoints().values().stream().map(Container.Endpoint::ipAddress)
                .filter(ip -> !ip.isEmpty()).findFirst();
    }

    private static Reach reach(Container target, String address, int port) {
        if (Lifecycle.listening(target).test(port)) {
            return new Reach.Answered(address, target.portAnswer());
        }
        return new Reach.Refused(address);
    }
}
