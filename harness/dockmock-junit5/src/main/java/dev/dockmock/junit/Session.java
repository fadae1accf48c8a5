package dev.dockmock.junit;

import dev.dockmock.journal.Journal;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.server.TlsSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One running server and everything it needs, kept in JUnit's store and closed with it: the
 * attachments (clients), then the server, then the backend (recorders, cassettes, engine), then
 * the socket directory.
 */
final class Session implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.dockmock.junit");

    private final DockMock handle;
    private final Settings settings;
    private final String owner;
    private final Closer closer;
    private final NoRouteWatch noRoute;
    private int replayCursor;

    private Session(DockMock handle, Settings settings, String owner, Closer closer, NoRouteWatch noRoute) {
        this.handle = handle;
        this.settings = settings;
        this.owner = owner;
        this.closer = closer;
        this.noRoute = noRoute;
    }

    /**
     * Starts a server for {@code target}.
     *
     * @param owner the unique id of the JUnit context whose store owns it
     */
    static Session start(Settings settings, TestTarget target, String owner) throws Exception {
        Closer closer = new Closer();
        try {
            SocketDir dir = closer.add(SocketDir.create());
            Backend backend = closer.add(Backends.create(settings, target, dir.path()));
            Faults faults = new Faults();
            NoRouteWatch noRoute = new NoRouteWatch(backend.dispatcher());
            Journal journal = new Journal(faults.around(noRoute), settings.journalCapacity(), Clock.systemUTC());
            Optional<TlsMaterial> tls = settings.tls() ? Optional.of(CertificateAuthority.writeTo(dir.path().resolve("tls")))
                    : Optional.empty();
            DockMockServer.Builder builder = DockMockServer.builder()
                    .options(ServerOptions.defaults().withLog(line -> LOG.log(System.Logger.Level.DEBUG, line))
                            .withTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMillis(500)));
            tls.ifPresent(m -> builder.tls(TlsSettings.verifying(m.serverCertificate(), m.serverKey(), m.caCertificate())));
            builder.host("unix://" + dir.socket());
            if (settings.tcp() || settings.tls()) {
                builder.host("tcp://127.0.0.1:0");
            }
            DockMockServer server = closer.add(builder.dispatcher(journal).build().start());
            Attachments attachments = closer.add(new Attachments());
            DockMock handle = new DockMock(backend.mode(), target, server, journal, faults, backend, dir.socket(), tls, attachments);
            LOG.log(System.Logger.Level.DEBUG, () -> "started " + handle);
            return new Session(handle, settings, owner, closer, noRoute);
        } catch (Exception | Error e) {
            closer.closeAfter(e);
            throw e;
        }
    }

    /** Runs {@code action} first when the session closes. */
    void closeAlso(AutoCloseable action) {
        closer.add(action);
    }

    DockMock handle() {
        return handle;
    }

    Settings settings() {
        return settings;
    }

    String owner() {
        return owner;
    }

    /**
     * Requests that matched nothing since the last call: replay misses, or routes the engine (or
     * upstream) does not have ({@code 404 page not found}). Each is reported once.
     */
    synchronized List<String> takeUnmatched() {
        if (handle.replay().isPresent()) {
            List<String> all = handle.replay().get().unmatched();
            List<String> fresh = all.subList(Math.min(replayCursor, all.size()), all.size());
            replayCursor = all.size();
            return List.copyOf(fresh);
        }
        return noRoute.take();
    }

    @Override
    public void close() throws IOException {
        LOG.log(System.Logger.Level.DEBUG, () -> "stopping " + handle);
        closer.close();
    }
}
