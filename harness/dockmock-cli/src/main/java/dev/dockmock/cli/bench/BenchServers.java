package dev.dockmock.cli.bench;

import dev.dockmock.engine.Engine;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.Json;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers the throughput rows measure: dockmock (the real engine with 20 running containers)
 * on tcp and unix in this JVM, the {@link MinimalServer} on tcp and unix, WireMock standalone in a
 * JVM of its own on tcp (it has no unix socket), and a real dockerd on its unix socket when one
 * is given. The minimal server and WireMock answer the bytes dockmock answered once at start-up.
 */
final class BenchServers implements AutoCloseable {
    /** Running containers in the list {@code GET /containers/json} answers. */
    static final int LISTED = 20;

    private final Path directory;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private Engine engine;
    private ChildJvm wiremock;
    private RealDaemon dockerd;

    private BenchServers(Path directory) {
        this.directory = directory;
    }

    static List<Endpoint> endpoints() {
        return List.of(Endpoint.get(BenchEngine.API + "/_ping"), Endpoint.get(BenchEngine.API + "/containers/json"),
                Endpoint.postJson(BenchEngine.API + "/containers/create", BenchEngine.CREATE_BODY));
    }

    /** Starts all servers; {@code dockerd} may be null. */
    static BenchServers start(RealDaemon dockerd, PrintStream log) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "dmb");
        BenchServers servers = new BenchServers(directory);
        try {
            servers.startAll(dockerd, log);
            return servers;
        } catch (IOException | InterruptedException | RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    private void startAll(RealDaemon realDaemon, PrintStream log) throws IOException, InterruptedException {
        engine = BenchEngine.create();
        closeables.add(engine);
        BenchEngine.populate(engine.dispatcher(), "listed", LISTED, true);
        DockMockServer dockmock = DockMockServer.builder().host("tcp://127.0.0.1:0")
                .host("unix://" + directory.resolve("d.sock"))
                .options(ServerOptions.defaults().withLog(line -> log.println("  " + line)))
                .dispatcher(engine.dispatcher()).build().start();
        closeables.add(dockmock);
        SocketAddress tcp = null;
        SocketAddress unix = null;
        for (DockerHost host : dockmock.boundHosts()) {
            if (host instanceof DockerHost.Tcp t) {
                tcp = new InetSocketAddress(t.host(), t.port());
            } else if (host instanceof DockerHost.Unix u) {
                unix = UnixDomainSocketAddress.of(u.path());
            }
        }
        Map<Endpoint, RawAnswer> answers = new LinkedHashMap<>();
        Map<String, byte[]> byLine = new LinkedHashMap<>();
        List<Endpoint> sized = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            RawAnswer answer = RawAnswer.exchange(tcp, endpoint.request());
            Endpoint withSize = endpoint.withBodyBytes(answer.body().length);
            answers.put(withSize, answer);
            byLine.put(endpoint.requestLine(), answer.bytes());
            sized.add(withSize);
        }
        BenchEngine.prune(engine.dispatcher());
        MinimalServer minimalTcp = MinimalServer.start(byLine, null);
        closeables.add(minimalTcp);
        MinimalServer minimalUnix = MinimalServer.start(byLine, directory.resolve("m.sock"));
        closeables.add(minimalUnix);
        InetSocketAddress wiremockAddress = startWireMock(answers, sized.get(0));
        if (realDaemon != null) {
            dockerd = realDaemon;
            populate(realDaemon);
        }
        for (Endpoint endpoint : sized) {
            rows.add(new Row(Row.DOCKMOCK, "tcp", endpoint, tcp));
            rows.add(new Row(Row.DOCKMOCK, "unix", endpoint, unix));
            rows.add(new Row(Row.MINIMAL, "tcp", endpoint, minimalTcp.address()));
            rows.add(new Row(Row.MINIMAL, "unix", endpoint, minimalUnix.address()));
            rows.add(new Row(Row.WIREMOCK, "tcp", endpoint, wiremockAddress));
            if (realDaemon != null) {
                rows.add(new Row(Row.DOCKERD, "unix", endpoint, realDaemon.address()));
            }
        }
    }

    private InetSocketAddress startWireMock(Map<Endpoint, RawAnswer> answers, Endpoint ping) throws IOException, InterruptedException {
        Path root = Files.createDirectories(directory.resolve("wiremock"));
        WireMockStubs.write(root, answers);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        wiremock = ChildJvm.start("WireMock", "wiremock.Run",
                List.of("--port", String.valueOf(port), "--bind-address", "127.0.0.1", "--root-dir", root.toString(),
                        "--disable-banner"), directory.resolve("wiremock.log"));
        closeables.add(wiremock);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        wiremock.awaitReady(address, ping.request());
        return address;
    }

    private static void populate(RealDaemon dockerd) throws IOException {
        for (int i = 0; i < LISTED; i++) {
            RawAnswer created = dockerd.call("POST", BenchEngine.API + "/containers/create?name=listed-" + i,
                    "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"86400\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}");
            if (created.status() != 201) {
                throw new IOException("dockerd refused to create a container: " + created.status());
            }
            String id = Json.parse(created.body()).get("Id").asText();
            dockerd.call("POST", BenchEngine.API + "/containers/" + id + "/start", null);
        }
    }

    /** What to measure: for each endpoint, dockmock over tcp and unix, then the others. */
    List<Row> rows() {
        return rows;
    }

    /** After a row: containers that {@code POST /containers/create} made are removed again. */
    void afterMeasurement(Row row) {
        if (!row.endpoint().method().equals("POST")) {
            return;
        }
        try {
            if (row.is(Row.DOCKMOCK)) {
                BenchEngine.prune(engine.dispatcher());
            } else if (row.is(Row.DOCKERD)) {
                dockerd.call("POST", BenchEngine.API + "/containers/prune", null);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot remove the containers the bench created: " + e, e);
        }
    }

    /** WireMock's JVM, for its resident memory. */
    ChildJvm wiremock() {
        return wiremock;
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover directory under /tmp does no harm
        }
    }
}
