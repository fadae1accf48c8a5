package dev.dockmock.junit;

import dev.dockmock.engine.Engine;
import dev.dockmock.journal.Journal;
import dev.dockmock.journal.RequestPattern;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.server.DockMockServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running dockmock server, as a test sees it: where clients connect, what answers them, what they
 * asked, and switches for faults. Injected by {@link DockMockExtension} into test and lifecycle
 * method parameters and into fields of this type. Valid while its server runs (see
 * {@link DockMockLifecycle}); safe to use from many threads.
 */
public final class DockMock {
    private final Mode mode;
    private final TestTarget target;
    private final DockMockServer server;
    private final Journal journal;
    private final Faults faults;
    private final Optional<Engine> engine;
    private final Optional<ReplayDispatcher> replay;
    private final Optional<Path> cassette;
    private final Path socket;
    private final Optional<TlsMaterial> tls;
    private final Attachments attachments;

    DockMock(Mode mode, TestTarget target, DockMockServer server, Journal journal, Faults faults, Backend backend,
            Path socket, Optional<TlsMaterial> tls, Attachments attachments) {
        this.mode = mode;
        this.target = target;
        this.server = server;
        this.journal = journal;
        this.faults = faults;
        this.engine = backend.engine();
        this.replay = backend.replay();
        this.cassette = backend.cassette();
        this.socket = socket;
        this.tls = tls;
        this.attachments = attachments;
    }

    /**
     * The value for {@code DOCKER_HOST}: the unix socket ({@code unix:///tmp/dm.../d.sock}), or the
     * TLS tcp address when the server was started with TLS.
     */
    public String dockerHost() {
        return tls.isPresent() ? tcpHost().orElseThrow() : unixHost();
    }

    /** {@code unix://} and the socket path. */
    public String unixHost() {
        return "unix://" + socket;
    }

    /** The unix socket file, short enough for every client (well under 107 bytes). */
    public Path unixSocket() {
        return socket;
    }

    /** {@code tcp://127.0.0.1:<port>} with the port actually bound, when tcp is on. */
    public Optional<String> tcpHost() {
        return hosts().stream().filter(h -> h.startsWith("tcp://")).findFirst();
    }

    /** Every host string the server listens on, ephemeral ports resolved. */
    public List<String> hosts() {
        return server.boundHosts().stream().map(Object::toString).toList();
    }

    /** The TLS files, when the server was started with TLS. */
    public Optional<TlsMaterial> tls() {
        return tls;
    }

    /**
     * The environment a Docker client process needs to reach this server ({@code DOCKER_HOST}, and
     * {@code DOCKER_TLS_VERIFY} with {@code DOCKER_CERT_PATH} under TLS), for a
     * {@link ProcessBuilder#environment()}. Nothing changes this JVM's environment.
     */
    public Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("DOCKER_HOST", dockerHost());
        tls.ifPresent(material -> {
            variables.put("DOCKER_TLS_VERIFY", "1");
            variables.put("DOCKER_CERT_PATH", material.certPath().toString());
        });
        return Map.copyOf(variables);
    }

    /** What answers: {@link Mode#RECORD} becomes {@link Mode#REPLAY} when its cassette already existed. */
    public Mode mode() {
        return mode;
    }

    /** The test class (and method) this server was started for. */
    public TestTarget target() {
        return target;
    }

    /**
     * The fake engine answering (in {@link Mode#ENGINE}, and in {@link Mode#RECORD} with the
     * {@code engine} upstream): inspect or change its state directly.
     *
     * @throws IllegalStateException in other modes, where no engine answers
     */
    public Engine engine() {
        return engine.orElseThrow(() -> new IllegalStateException("no engine answers in " + mode
                + " mode: " + target.describe() + " uses " + cassette.map(Path::toString).orElse("a dispatcher of its own")));
    }

    /** Every request the server answered, with verification. */
    public Journal journal() {
        return journal;
    }

    /** Errors and delays to switch on while the test runs. */
    public Faults faults() {
        return faults;
    }

    /** The server itself. */
    public DockMockServer server() {
        return server;
    }

    /** The replaying dispatcher, in {@link Mode#REPLAY} (or {@link Mode#RECORD} replaying). */
    public Optional<ReplayDispatcher> replay() {
        return replay;
    }

    /** The cassette replayed or being recorded. */
    public Optional<Path> cassette() {
        return cassette;
    }

    /** Checks that {@code method} {@code path} was requested at least once; see {@link Journal#verify(RequestPattern)}. */
    public void verify(String method, String path) {
        journal.verify(RequestPattern.of(method, path));
    }

    /** Checks that {@code method} {@code path} was requested exactly {@code times} times. */
    public void verify(int times, String method, String path) {
        journal.verify(times, RequestPattern.of(method, path));
    }

    /** Checks that {@code method} {@code path} was never requested. */
    public void verifyNever(String method, String path) {
        journal.verifyNever(RequestPattern.of(method, path));
    }

    Attachments attachments() {
        return attachments;
    }

    @Override
    public String toString() {
        return "dockmock " + mode.name().toLowerCase(java.util.Locale.ROOT) + " for " + target.describe() + " on "
                + String.join(", ", hosts());
    }
}
