package dev.dockmock.cli;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.Headers;
import dev.dockmock.record.RecordingProxy;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.CassetteHeader;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.upstream.UpstreamClient;
import dev.dockmock.upstream.UpstreamResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * A running {@code dockmock record}: the cassette, the recording proxy and the server in front of
 * it. {@link #stop} closes them in the order that records streams still open as cut short.
 */
final class RecordSession {
    private final RecordArgs args;
    private final CassetteWriter cassette;
    private final RecordingProxy proxy;
    private final DockMockServer server;
    private final PrintStream out;
    private boolean stopped;

    private RecordSession(RecordArgs args, CassetteWriter cassette, RecordingProxy proxy, DockMockServer server,
            PrintStream out) {
        this.args = args;
        this.cassette = cassette;
        this.proxy = proxy;
        this.server = server;
        this.out = out;
    }

    /**
     * Creates the cassette and starts serving; says where on {@code out}.
     *
     * @throws IOException when the cassette cannot be created, a TLS file cannot be used or a
     *     listener cannot start
     */
    static RecordSession start(RecordArgs args, PrintStream out, PrintStream err) throws IOException {
        CassetteWriter cassette = CassetteWriter.create(args.out(), CassetteHeader.now(args.upstream().toString()),
                Redactions.of(args.redact()));
        RecordingProxy proxy = null;
        try {
            proxy = RecordingProxy.to(args.upstream(), args.tls(), cassette);
            DockMockServer.Builder builder = DockMockServer.builder()
                    .options(ServerOptions.defaults().withLog(out::println))
                    .dispatcher(proxy);
            args.listenTls().ifPresent(builder::tls);
            args.hosts().forEach(builder::host);
            DockMockServer server = builder.build().start();
            RecordSession session = new RecordSession(args, cassette, proxy, server, out);
            session.checkUpstream(err);
            session.announce();
            return session;
        } catch (IOException | RuntimeException e) {
            if (proxy != null) {
                proxy.close();
            }
            cassette.close();
            throw e;
        }
    }

    /** A daemon that does not answer is worth a word now rather than a 502 per command later. */
    private void checkUpstream(PrintStream err) {
        UpstreamClient client;
        try {
            client = args.tls().isPresent() ? UpstreamClient.of(args.upstream(), args.tls().get()) : UpstreamClient.of(args.upstream());
        } catch (IOException e) {
            return; // the proxy was built from the same files; it reports its own problems
        }
        ApiRequest ping = ApiRequest.of("GET", "/_ping", Headers.empty(), new byte[0], ClientInfo.inMemory());
        try (UpstreamResponse answer = client.send(ping)) {
            if (answer.status() != 200) {
                err.println("dockmock record: warning: " + args.upstream() + " answered GET /_ping with " + answer.status());
            }
        } catch (IOException e) {
            err.println("dockmock record: warning: " + args.upstream() + " does not answer (" + e.getMessage()
                    + "); clients will get 502 errors until it does");
        }
    }

    private void announce() {
        out.println("dockmock recording " + args.upstream() + " into " + args.out() + ". Point clients at it with:");
        out.println("  export DOCKER_HOST=" + server.boundHosts().get(0));
        if (args.listenTls().isPresent()) {
            out.println("  export DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=<directory with ca.pem, cert.pem, key.pem>");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    List<DockerHost> hosts() {
        return server.boundHosts();
    }

    /** Stops serving, ends streams still open (recorded as cut short), closes the cassette; 0, or 1 when it cannot be closed. */
    synchronized int stop() {
        if (stopped) {
            return 0;
        }
        stopped = true;
        out.println("dockmock: stopping");
        server.close();
        proxy.close();
        int code = 0;
        try {
            cassette.close();
        } catch (IOException e) {
            out.println("dockmock record: cannot close " + args.out() + ": " + e.getMessage());
            code = 1;
        }
        int count = cassette.appended();
        out.println("dockmock: recorded " + count + (count == 1 ? " interaction" : " interactions") + " into " + args.out());
        out.flush();
        return code;
    }
}
