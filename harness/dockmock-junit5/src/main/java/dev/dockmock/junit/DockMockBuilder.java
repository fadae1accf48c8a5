package dev.dockmock.junit;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.journal.Journal;
import dev.dockmock.replay.ReplayMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configures a {@link DockMockExtension} for {@code @RegisterExtension}; the defaults are those of
 * {@link DockMockTest}, except the lifecycle, which follows the field (static: per class,
 * instance: per test) unless set.
 */
public final class DockMockBuilder {
    private Mode mode = Mode.ENGINE;
    private DockMockLifecycle lifecycle;
    private String fixtures;
    private final List<String> images = new ArrayList<>();
    private String cassette;
    private Path cassettes = Path.of(Settings.DEFAULT_CASSETTES);
    private Path stubs = Path.of(Settings.DEFAULT_STUBS);
    private String upstream;
    private ReplayMode replayMode = ReplayMode.LENIENT;
    private boolean failOnUnmatched = true;
    private boolean failOnUnused;
    private boolean tcp = true;
    private boolean tls;
    private Function<TestTarget, Dispatcher> dispatcher;
    private int journalCapacity = Journal.DEFAULT_CAPACITY;

    DockMockBuilder() {
    }

    /** See {@link DockMockTest#mode()}. */
    public DockMockBuilder mode(Mode newMode) {
        this.mode = Objects.requireNonNull(newMode, "mode");
        return this;
    }

    /** See {@link DockMockTest#lifecycle()}; by default it follows the field. */
    public DockMockBuilder lifecycle(DockMockLifecycle newLifecycle) {
        this.lifecycle = Objects.requireNonNull(newLifecycle, "lifecycle");
        return this;
    }

    /** See {@link DockMockTest#fixtures()}. */
    public DockMockBuilder fixtures(String directory) {
        this.fixtures = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /** See {@link DockMockTest#images()}. */
    public DockMockBuilder images(String... references) {
        images.addAll(List.of(references));
        return this;
    }

    /** See {@link DockMockTest#cassette()}. */
    public DockMockBuilder cassette(String name) {
        this.cassette = Objects.requireNonNull(name, "name");
        return this;
    }

    /** See {@link DockMockTest#cassettes()}. */
    public DockMockBuilder cassettes(Path directory) {
        this.cassettes = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /** See {@link DockMockTest#stubs()}. */
    public DockMockBuilder stubs(Path directory) {
        this.stubs = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /** See {@link DockMockTest#upstream()}. */
    public DockMockBuilder upstream(String hostOrEngine) {
        this.upstream = Objects.requireNonNull(hostOrEngine, "upstream");
        return this;
    }

    /** See {@link DockMockTest#replayMode()}. */
    public DockMockBuilder replayMode(ReplayMode newMode) {
        this.replayMode = Objects.requireNonNull(newMode, "replayMode");
        return this;
    }

    /** See {@link DockMockTest#failOnUnmatchedRequests()}. */
    public DockMockBuilder failOnUnmatchedRequests(boolean fail) {
        this.failOnUnmatched = fail;
        return this;
    }

    /** See {@link DockMockTest#failOnUnusedInteractions()}. */
    public DockMockBuilder failOnUnusedInteractions(boolean fail) {
        this.failOnUnused = fail;
        return this;
    }

    /** See {@link DockMockTest#tcp()}. */
    public DockMockBuilder tcp(boolean listen) {
        this.tcp = listen;
        return this;
    }

    /** See {@link DockMockTest#tls()}. */
    public DockMockBuilder tls(boolean on) {
        this.tls = on;
        return this;
    }

    /**
     * Answers with a dispatcher of your own, made for each server (closed after it when it is
     * {@link AutoCloseable}); {@link DockMock#mode()} is then {@link Mode#STUBS}, with no engine
     * behind it unless your dispatcher brings one.
     */
    public DockMockBuilder dispatcher(Function<TestTarget, Dispatcher> factory) {
        this.dispatcher = Objects.requireNonNull(factory, "factory");
        this.mode = Mode.STUBS;
        return this;
    }

    /** How many requests the journal keeps (the newest); 10,000 by default. */
    public DockMockBuilder journalCapacity(int entries) {
        this.journalCapacity = entries;
        return this;
    }

    public DockMockExtension build() {
        return DockMockExtension.of(new Settings(mode, Optional.ofNullable(lifecycle), Optional.ofNullable(fixtures), images,
                Optional.ofNullable(cassette), cassettes, stubs, Optional.ofNullable(upstream), replayMode, failOnUnmatched,
                failOnUnused, tcp || tls, tls, Optional.ofNullable(dispatcher), journalCapacity));
    }
}
