package dev.dockmock.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.dispatch.Route;
import dev.dockmock.dispatch.Router;
import dev.dockmock.dispatch.VersionGate;
import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.SystemRoutes;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The dispatcher dockmock is measured with: the minimal daemon's routes ({@code /_ping},
 * {@code /version}, {@code /info}) plus a {@code /containers/json} answering a fixed list of
 * 20 running containers (about 15 kB), all behind the same version gate as
 * {@link dev.dockmock.engine.Daemons#minimal}.
 */
final class BenchDaemon {
    /** Containers in the list; with their ports, labels, networks and mounts about 15 kB of JSON. */
    static final int CONTAINERS = 20;

    private BenchDaemon() {
    }

    /** The dispatcher; the list is serialised once, so requests measure the server, not Jackson. */
    static Dispatcher dispatcher(DaemonIdentity identity, byte[] containers) {
        List<Route> routes = new ArrayList<>(new SystemRoutes(identity).routes());
        routes.add(Route.of("GET", "/containers/json", (request, params) -> ApiResponse.json(200, containers)));
        return new VersionGate(identity.apiRange(), identity.serverHeader(), new Router(routes));
    }

    /** A {@code docker ps} answer for {@link #CONTAINERS} containers, built with Jackson, the same on every run. */
    static byte[] containerList() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ArrayNode list = json.arrayNode();
        for (int i = 0; i < CONTAINERS; i++) {
            String name = "bench-" + i;
            String id = sha256(name);
            ObjectNode c = list.addObject();
            c.put("Id", id);
            c.putArray("Names").add("/" + name);
            c.put("Image", "example/service-" + i + ":1." + i);
            c.put("ImageID", "sha256:" + sha256("image-" + i));
            c.put("Command", "docker-entrypoint.sh serve");
            c.put("Created", 1_748_000_000L + i * 3_600L);
            ObjectNode port = c.putArray("Ports").addObject();
            port.put("IP", "0.0.0.0").put("PrivatePort", 8080).put("PublicPort", 32_768 + i).put("Type", "tcp");
            ObjectNode labels = c.putObject("Labels");
            labels.put("com.docker.compose.project", "bench");
            labels.put("com.docker.compose.service", "service-" + i);
            c.put("State", "running");
            c.put("Status", "Up " + (i + 2) + " hours");
            c.putObject("HostConfig").put("NetworkMode", "bench_default");
            ObjectNode network = c.putObject("NetworkSettings").putObject("Networks").putObject("bench_default");
            network.put("MacAddress", String.format(Locale.ROOT, "02:42:ac:12:00:%02x", i + 2));
            network.put("Gateway", "172.18.0.1");
            network.put("IPAddress", "172.18.0." + (i + 2));
            network.put("IPPrefixLen", 16);
            ObjectNode mount = c.putArray("Mounts").addObject();
            mount.put("Type", "volume").put("Name", "bench_data-" + i);
            mount.put("Destination", "/data").put("Driver", "local").put("RW", true);
        }
        return Json.bytes(list);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
