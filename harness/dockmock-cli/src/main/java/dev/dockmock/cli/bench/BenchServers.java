package dev.dockmock.cli.bench;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers measured, in this JVM: dockmock on loopback tcp and on a unix socket, and the JDK
 * {@link ReferenceServer} on loopback tcp answering with the bytes dockmock answers. The JDK
 * server cannot listen on a unix socket, so unix rows have no reference of their own.
 */
final class BenchServers implements AutoCloseable {
    private final Path socketDirectory;
    private final DockMockServer dockmock;
    private final ReferenceServer reference;
    private final List<Row> rows;

    private BenchServers(Path socketDirectory, DockMockServer dockmock, ReferenceServer reference, List<Row> rows) {
        this.socketDirectory = socketDirectory;
        this.dockmock = dockmock;
        this.reference = reference;
        this.rows = rows;
    }

    /** Starts all servers; {@code log} gets the servers' own lines. */
    static BenchServers start(int connections, PrintStream log) throws IOException {
        DaemonIdentity identity = DaemonIdentity.defaults();
        Dispatcher dispatcher = BenchDaemon.dispatcher(identity, BenchDaemon.containerList());
        List<Endpoint> endpoints = List.of(Endpoint.get("/_ping"),
                Endpoint.get("/v" + identity.apiRange().max() + "/containers/json"));
        Map<String, ApiResponse> answers = new LinkedHashMap<>();
        List<Endpoint> sized = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            ApiResponse answer = dispatcher.dispatch(ApiRequest.of("GET", endpoint.target()));
            answers.put(endpoint.target(), answer);
            sized.add(answer.body() instanceof ResponseBody.Bytes bytes ? endpoint.withBodyBytes(bytes.data().length) : endpoint);
        }
        // sun_path holds at most 107 bytes, so the socket goes under /tmp, not a long temp dir.
        Path tmp = Files.isDirectory(Path.of("/tmp")) ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
        Path directory = Files.createTempDirectory(tmp, "dmb");
        DockMockServer dockmock = null;
        ReferenceServer reference = null;
        try {
            dockmock = DockMockServer.builder()
                    .host("tcp://127.0.0.1:0")
                    .host("unix://" + directory.resolve("d.sock"))
                    .options(ServerOptions.defaults().withLog(line -> log.println("  " + line)))
                    .dispatcher(dispatcher)
                    .build()
                    .start();
            reference = ReferenceServer.start(answers, Math.min(connections, 256));
            SocketAddress tcp = null;
            SocketAddress unix = null;
            for (DockerHost host : dockmock.boundHosts()) {
                if (host instanceof DockerHost.Tcp t) {
                    tcp = new InetSocketAddress(t.host(), t.port());
                } else if (host instanceof DockerHost.Unix u) {
                    unix = UnixDomainSocketAddress.of(u.path());
                }
            }
            List<Row> rows = new ArrayList<>();
            for (Endpoint endpoint : sized) {
                rows.add(new Row("dockmock", "tcp", endpoint, tcp));
                rows.add(new Row("dockmock", "unix", endpoint, unix));
                rows.add(new Row(Row.REFERENCE, "tcp", endpoint, reference.address()));
            }
            return new BenchServers(directory, dockmock, reference, List.copyOf(rows));
        } catch (IOException | RuntimeException e) {
            if (dockmock != null) {
                dockmock.close();
            }
            if (reference != null) {
                reference.close();
            }
            deleteDirectory(directory);
            throw e;
        }
    }

    /** What to measure: for each endpoint, dockmock over tcp and unix, then the reference. */
    List<Row> rows() {
        return rows;
    }

    @Override
    public void close() {
        dockmock.close();
        reference.close();
        deleteDirectory(socketDirectory);
    }

    private static void deleteDirectory(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve("d.sock"));
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // a leftover empty directory under /tmp does no harm
        }
    }
}
