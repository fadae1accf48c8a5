package dev.dockmock.engine.containers;

import dev.dockmock.engine.networks.Network;
import dev.dockmock.engine.networks.Networks;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents of containers: inspect ({@code /containers/{id}/json}) and list entries. */
public final class ContainerDocuments {
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private ContainerDocuments() {
    }

    /** Go's RFC 3339 with nanoseconds, as dockerd writes times. */
    public static String time(Instant instant) {
        return instant == null ? ZERO_TIME : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public static Map<String, Object> inspect(Container c, Networks networks) {
        Map<String, Object> doc = new LinkedHashMap<>(64);
        doc.put("Id", c.id());
        doc.put("Created", time(c.created()));
        doc.put("Path", c.spec().argv().isEmpty() ? "" : c.spec().argv().get(0));
        List<String> args = c.spec().argv();
        doc.put("Args", args.size() <= 1 ? List.of() : args.subList(1, args.size()));
        doc.put("State", state(c));
        doc.put("Image", c.imageId());
        doc.put("ResolvConfPath", "/var/lib/docker/containers/" + c.id() + "/resolv.conf");
        doc.put("HostnamePath", "/var/lib/docker/containers/" + c.id() + "/hostname");
        doc.put("HostsPath", "/var/lib/docker/containers/" + c.id() + "/hosts");
        doc.put("LogPath", "/var/lib/docker/containers/" + c.id() + "/" + c.id() + "-json.log");
        doc.put("Name", "/" + c.name());
        doc.put("RestartCount", c.restartCount());
        doc.put("Driver", "overlay2");
        doc.put("Platform", "linux");
        doc.put("MountLabel", "");
        doc.put("ProcessLabel", "");
        doc.put("AppArmorProfile", "");
        doc.put("ExecIDs", c.execIds().isEmpty() ? null : c.execIds());
        doc.put("HostConfig", c.spec().hostConfig());
        doc.put("GraphDriver", Map.of("Name", "overlay2", "Data", Map.of(
                "MergedDir", "/var/lib/docker/overlay2/" + c.id() + "/merged",
                "UpperDir", "/var/lib/docker/overlay2/" + c.id() + "/diff",
                "WorkDir", "/var/lib/docker/overlay2/" + c.id() + "/work")));
        doc.put("Mounts", Mounts.of(c));
        doc.put("Config", c.spec().config());
        doc.put("NetworkSettings", networkSettings(c, networks));
        return doc;
    }

    private static Map<String, Object> state(Container c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Status", c.status().wire());
        state.put("Running", c.status().isUp());
        state.put("Paused", c.status() == ContainerStatus.PAUSED);
        state.put("Restarting", c.status() == ContainerStatus.RESTARTING);
        state.put("OOMKilled", c.oomKilled());
        state.put("Dead", c.status() == ContainerStatus.DEAD);
        state.put("Pid", c.pid());
        state.put("ExitCode", c.exitCode());
        state.put("Error", c.error());
        state.put("StartedAt", time(c.startedAt()));
        state.put("FinishedAt", time(c.finishedAt()));
        Map<String, Object> health = c.healthDocument();
        if (health != null) {
            state.put("Health", health);
        }
        return state;
    }

    static Map<String, Object> networkSettings(Container c, Networks networks) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("Bridge", "");
        settings.put("SandboxID", c.status().isUp() ? c.id() : "");
        settings.put("SandboxKey", c.status().isUp() ? "/var/run/docker/netns/" + c.shortId() : "");
        settings.put("Ports", ports(c));
        Map<String, Object> nets = new LinkedHashMap<>();
        Container.Endpoint bridge = c.endpoints().get("bridge");
        for (Map.Entry<String, Container.Endpoint> e : c.endpoints().entrySet()) {
            nets.put(e.getKey(), endpoint(e.getValue(), c.status().isUp()));
        }
        if (nets.isEmpty()) {
            Network network = networks.find(c.spec().networkMode()).orElse(null);
            if (network != null) {
                nets.put(network.name(), endpoint(new Container.Endpoint(network.id(), "", "", "", 0, "", List.of()), false));
            }
        }
        boolean up = c.status().isUp() && bridge != null;
        settings.put("Gateway", up ? bridge.gateway() : "");
        settings.put("IPAddress", up ? bridge.ipAddress() : "");
        settings.put("IPPrefixLen", up ? bridge.prefixLength() : 0);
        settings.put("MacAddress", up ? bridge.macAddress() : "");
        settings.put("Networks", nets);
        return settings;
    }

    private static Map<String, Object> endpoint(Container.Endpoint e, boolean up) {
        Map<String, Object> doc = new LinkedHashMap<>(32);
        doc.put("IPAMConfig", null);
        doc.put("Links", null);
        doc.put("Aliases", e.aliases().isEmpty() ? null : e.aliases());
        doc.put("MacAddress", up ? e.macAddress() : "");
        doc.put("DriverOpts", null);
        doc.put("GwPriority", 0);
        doc.put("NetworkID", e.networkId());
        doc.put("EndpointID", up ? e.endpointId() : "");
        doc.put("Gateway", up ? e.gateway() : "");
        doc.put("IPAddress", up ? e.ipAddress() : "");
        doc.put("IPPrefixLen", up ? e.prefixLength() : 0);
        doc.put("IPv6Gateway", "");
        doc.put("GlobalIPv6Address", "");
        doc.put("GlobalIPv6PrefixLen", 0);
        doc.put("DNSNames", null);
        return doc;
    }

    /** {@code NetworkSettings.Ports}: every exposed port, with its bindings while running. */
    static Map<String, Object> ports(Container c) {
        Map<String, Object> ports = new LinkedHashMap<>();
        for (String exposed : c.spec().exposedPorts()) {
            ports.put(exposed, null);
        }
        for (Container.PublishedPort p : c.ports()) {
            @SuppressWarnings("unchecked")
            List<Object> list = ports.get(p.containerPort()) instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
            list.add(Map.of("HostIp", p.hostIp(), "HostPort", String.valueOf(p.hostPort())));
            ports.put(p.containerPort(), list);
        }
        return ports;
    }

    /** One entry of {@code GET /containers/json}. */
    public static Map<String, Object> summary(Container c, Networks networks, String imageName) {
        Map<String, Object> doc = new LinkedHashMap<>(32);
        doc.put("Id", c.id());
        doc.put("Names", List.of("/" + c.name()));
        doc.put("Image", imageName);
        doc.put("ImageID", c.imageId());
        doc.put("Command", String.join(" ", c.spec().argv().stream()
                .map(arg -> arg.contains(" ") ? "'" + arg + "'" : arg).toList()));
        doc.put("Created", c.created().getEpochSecond());
        List<Map<String, Object>> ports = new ArrayList<>();
        for (Container.PublishedPort p : c.ports()) {
            String[] parts = p.containerPort().split("/");
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("IP", p.hostIp());
            port.put("PrivatePort", Integer.parseInt(parts[0]));
            port.put("PublicPort", p.hostPort());
            port.put("Type", parts.length > 1 ? parts[1] : "tcp");
            ports.add(port);
        }
        if (!c.status().isUp()) {
            for (String exposed : c.spec().exposedPorts()) {
                String[] parts = exposed.split("/");
                ports.add(Map.of("PrivatePort", Integer.parseInt(parts[0]), "Type", parts.length > 1 ? parts[1] : "tcp"));
            }
        }
        doc.put("Ports", ports);
        doc.put("Labels", c.spec().labels());
        doc.put("State", c.status().wire());
        doc.put("Status", StatusText.of(c));
        doc.put("HostConfig", Map.of("NetworkMode", c.spec().networkMode()));
        Map<String, Object> nets = new LinkedHashMap<>();
        Map<String, Object> settings = networkSettings(c, networks);
        nets.put("Networks", settings.get("Networks"));
        doc.put("NetworkSettings", nets);
        doc.put("Mounts", Mounts.of(c));
        return doc;
    }
}
