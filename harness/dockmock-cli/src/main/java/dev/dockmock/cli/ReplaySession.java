package dev.dockmock.cli;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.Interaction;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** A running {@code dockmock replay}: the cassette served until {@link #stop}, which reports on it. */
final class ReplaySession {
    private final ReplayArgs args;
    private final Cassette cassette;
    private final ReplayDispatcher replay;
    private final DockMockServer server;
    private final PrintStream out;
    private boolean stopped;
    private int exitCode;

    private ReplaySession(ReplayArgs args, Cassette cassette, ReplayDispatcher replay, DockMockServer server, PrintStream out) {
        this.args = args;
        this.cassette = cassette;
        this.replay = replay;
        this.server = server;
        this.out = out;
    }

    /**
     * Loads the cassette and starts serving it.
     *
     * @throws IOException when the cassette cannot be loaded or a listener cannot start
     */
    static ReplaySession start(ReplayArgs args, PrintStream out, PrintStream err) throws IOException {
        Cassette cassette = CassetteFiles.load(args.file());
        for (String warning : cassette.warnings()) {
            err.println("dockmock replay: warning: " + warning);
        }
        ReplayOptions options = ReplayOptions.defaults().withMode(args.mode()).withPace(args.pace())
                .withRedaction(Redactions.of(args.redact()));
        ReplayDispatcher replay = new ReplayDispatcher(cassette, options);
        DockMockServer.Builder builder = DockMockServer.builder()
                .options(ServerOptions.defaults().withLog(out::println))
                .dispatcher(replay);
        args.tls().ifPresent(builder::tls);
        args.hosts().forEach(builder::host);
        DockMockServer server = builder.build().start();
        int count = cassette.interactions().size();
        out.println("dockmock replaying " + args.file() + " (" + count + (count == 1 ? " interaction" : " interactions")
                + ", recorded from " + cassette.header().source() + "; " + args.mode().name().toLowerCase(Locale.ROOT) + ", "
                + ReplayArgs.describe(args.pace()) + "). Point clients at it with:");
        out.println("  export DOCKER_HOST=" + server.boundHosts().get(0));
        if (args.tls().isPresent()) {
            out.println("  export DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=<directory with ca.pem, cert.pem, key.pem>");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return new ReplaySession(args, cassette, replay, server, out);
    }

    List<DockerHost> hosts() {
        return server.boundHosts();
    }

    ReplayDispatcher replay() {
        return replay;
    }

    /**
     * Stops serving and reports requests that matched nothing and interactions never served.
     *
     * @return 1 with {@code --fail-on-unused} when some were never served, else 0
     */
    synchronized int stop() {
        if (stopped) {
            return exitCode;
        }
        stopped = true;
        out.println("dockmock: stopping");
        server.close();
        List<String> unmatched = replay.unmatched();
        List<Interaction> unused = replay.unused();
        int total = cassette.interactions().size();
        out.println("dockmock: served " + (total - unused.size()) + " of " + total + " recorded interactions");
        out.println("dockmock: " + count(unmatched.size(), "unmatched request") + (unmatched.isEmpty() ? "" : ":"));
        unmatched.forEach(message -> out.println("  " + message));
        out.println("dockmock: " + count(unused.size(), "unused interaction") + (unused.isEmpty() ? "" : ":"));
        unused.forEach(interaction -> out.println("  " + interaction.describe()));
        exitCode = args.failOnUnused() && !unused.isEmpty() ? 1 : 0;
        if (exitCode != 0) {
            out.println("dockmock: failing (--fail-on-unused): recorded interactions were never asked for");
        }
        out.flush();
        return exitCode;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
