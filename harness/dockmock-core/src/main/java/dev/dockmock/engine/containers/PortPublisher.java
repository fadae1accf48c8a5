package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.engine.process.PortAnswer;
import dev.dockmock.protocol.DockerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Opens a real loopback port for each published container port when a container starts
 * ({@code PortBindings}, and every exposed port with {@code PublishAllPorts}), and closes them
 * when it stops.
 */
final class PortPublisher {
    private final EngineContext context;
    private final Map<String, List<HostPorts.OpenPort>> open = new HashMap<>();

    PortPublisher(EngineContext context) {
        this.context = context;
    }

    List<Container.PublishedPort> publish(Container container, PortAnswer answer) {
        if (container.spec().networkMode().equals("host") || container.spec().networkMode().equals("none")) {
            return List.of();
        }
        List<Container.PublishedPort> published = new ArrayList<>();
        List<HostPorts.OpenPort> opened = new ArrayList<>();
        JsonNode bindings = container.spec().hostConfig().path("PortBindings");
        boolean all = container.spec().hostConfig().path("PublishAllPorts").asBoolean(false);
        try {
            for (String port : container.spec().exposedPorts()) {
                JsonNode wanted = bindings.path(port);
                if (wanted.isMissingNode() || wanted.isNull()) {
                    wanted = bindings.path(port.replace("/tcp", ""));
                }
                if (wanted.isArray() && !wanted.isEmpty()) {
                    for (Iterator<JsonNode> it = wanted.elements(); it.hasNext(); ) {
                        JsonNode binding = it.next();
                        int hostPort = parsePort(binding.path("HostPort").asText(""));
                        String hostIp = binding.path("HostIp").asText("");
                        published.add(open(container, port, hostIp.isEmpty() ? "0.0.0.0" : hostIp, hostPort, answer, opened));
                    }
                } else if (all) {
                    published.add(open(container, port, "0.0.0.0", 0, answer, opened));
                }
            }
        } catch (DockerException e) {
            opened.forEach(HostPorts.OpenPort::close);
            throw e;
        }
        open.put(container.id(), opened);
        return published;
    }

    private Container.PublishedPort open(Container container, String port, String hostIp, int hostPort, PortAnswer answer,
            List<HostPorts.OpenPort> opened) {
        if (port.endsWith("/udp") || port.endsWith("/sctp")) {
            // nothing listens for datagrams here: the binding is reported, not served
            return new Container.PublishedPort(port, hostIp, hostPort == 0 ? 32768 + opened.size() : hostPort);
        }
        try {
            HostPorts.OpenPort openPort = context.ports().open(hostPort, answer);
            opened.add(openPort);
            return new Container.PublishedPort(port, hostIp, openPort.port());
        } catch (IOException e) {
            throw new DockerException(500, "driver failed programming external connectivity on endpoint " + container.name()
                    + " (" + container.id() + "): Bind for " + hostIp + ":" + hostPort + " failed: port is already allocated");
        }
    }

    private static int parsePort(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        String first = text.contains("-") ? text.substring(0, text.indexOf('-')) : text;
        try {
            int port = Integer.parseInt(first);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new DockerException(400, "invalid port specification: \"" + text + "\"");
        }
    }

    void release(Container container) {
        List<HostPorts.OpenPort> ports = open.remove(container.id());
        if (ports != null) {
            ports.forEach(HostPorts.OpenPort::close);
        }
    }

    void releaseAll() {
        open.values().forEach(list -> list.forEach(HostPorts.OpenPort::close));
        open.clear();
    }
}
