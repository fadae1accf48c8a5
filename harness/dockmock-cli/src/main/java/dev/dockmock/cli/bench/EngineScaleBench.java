package dev.dockmock.cli.bench;

import dev.dockmock.engine.Engine;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine holding many containers ({@code count}, 10,000 by default), asked over its unix
 * socket one request at a time: creating them, listing them all, listing with a label and a name
 * filter, inspecting one, and replaying the event history.
 */
final class EngineScaleBench {
    static final String SECTION = "engine";

    private EngineScaleBench() {
    }

    static List<Figure> measure(int count, int repeats) throws IOException {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "dmbs");
        Path socket = directory.resolve("e.sock");
        List<Figure> figures = new ArrayList<>();
        try (Engine engine = BenchEngine.create();
                DockMockServer server = DockMockServer.builder().host("unix://" + socket)
                        .options(ServerOptions.defaults().withLog(line -> { })).dispatcher(engine.dispatcher())
                        .build().start()) {
            long start = System.nanoTime();
            BenchEngine.populate(engine.dispatcher(), "scale", count, false);
            double perCreate = (System.nanoTime() - start) / 1e6 / count;
            figures.add(Figure.of(SECTION, "create (in process), per container", "dockmock", "ms", perCreate));
            UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
            String some = "scale-" + (count / 2);
            String api = BenchEngine.API;
            figures.add(time(address, "list all " + count + " (ps -a)", api + "/containers/json?all=1", Math.max(3, repeats / 10)));
            figures.add(time(address, "list, label filter (1 match)", api + "/containers/json?all=1&filters="
                    + encode("{\"label\":[\"bench.index=" + (count / 2) + "\"]}"), repeats));
            figures.add(time(address, "list, name filter", api + "/containers/json?all=1&filters="
                    + encode("{\"name\":[\"" + some + "\"]}"), repeats));
            figures.add(time(address, "inspect one", api + "/containers/" + some + "/json", repeats));
            figures.add(time(address, "events replay (since=0, until=now)", api + "/events?since=0&until="
                    + (System.currentTimeMillis() / 1000 + 1), Math.max(3, repeats / 10)));
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(directory);
        }
        return figures;
    }

    private static Figure time(UnixDomainSocketAddress address, String name, String target, int repeats) throws IOException {
        return Figure.of(SECTION, name, "dockmock", "ms", Probe.millis(address, Endpoint.get(target).request(), repeats));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
