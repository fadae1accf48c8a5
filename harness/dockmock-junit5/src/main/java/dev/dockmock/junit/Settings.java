package dev.dockmock.junit;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.journal.Journal;
import dev.dockmock.replay.ReplayMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything that decides how a server is started, from {@link DockMockTest} or the builder.
 *
 * @param lifecycle empty: by where the extension is registered (a static field: per class; an
 *     instance field: per test)
 * @param dispatcher a dispatcher of the user's own, which replaces the mode's
 */
record Settings(Mode mode, Optional<DockMockLifecycle> lifecycle, Optional<String> fixtures, List<String> images,
        Optional<String> cassette, Path cassettes, Path stubs, Optional<String> upstream, ReplayMode replayMode,
        boolean failOnUnmatched, boolean failOnUnused, boolean tcp, boolean tls,
        Optional<Function<TestTarget, Dispatcher>> dispatcher, int journalCapacity) {

    static final String DEFAULT_CASSETTES = "src/test/resources/cassettes";
    static final String DEFAULT_STUBS = "src/test/resources/stubs";

    Settings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(fixtures, "fixtures");
        images = List.copyOf(images);
        Objects.requireNonNull(cassette, "cassette");
        Objects.requireNonNull(cassettes, "cassettes");
        Objects.requireNonNull(stubs, "stubs");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(replayMode, "replayMode");
        Objects.requireNonNull(dispatcher, "dispatcher");
        if (journalCapacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1");
        }
    }

    /** The builder's starting point: the engine, lifecycle by field, fail on unmatched requests. */
    static Settings defaults() {
        return new Settings(Mode.ENGINE, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Path.of(DEFAULT_CASSETTES), Path.of(DEFAULT_STUBS), Optional.empty(), ReplayMode.LENIENT, true, false, true, false,
                Optional.empty(), Journal.DEFAULT_CAPACITY);
    }

    static Settings from(DockMockTest annotation) {
        return new Settings(annotation.mode(), Optional.of(annotation.lifecycle()), nonEmpty(annotation.fixtures()),
                Arrays.asList(annotation.images()), nonEmpty(annotation.cassette()), Path.of(annotation.cassettes()), Path.of(annotation.stubs()),
                nonEmpty(annotation.upstream()), annotation.replayMode(), annotation.failOnUnmatchedRequests(),
                annotation.failOnUnusedInteractions(), annotation.tcp() || annotation.tls(), annotation.tls(),
                Optional.empty(), Journal.DEFAULT_CAPACITY);
    }

    /** The JVM-wide server's settings: the engine, from the system properties {@code dockmock.fixtures} and {@code dockmock.images}. */
    static Settings jvm() {
        List<String> images = Arrays.stream(System.getProperty("dockmock.images", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return defaults().with(Optional.of(DockMockLifecycle.JVM), nonEmpty(System.getProperty("dockmock.fixtures", "")), images);
    }

    Settings with(Optional<DockMockLifecycle> newLifecycle, Optional<String> newFixtures, List<String> newImages) {
        return new Settings(mode, newLifecycle, newFixtures, newImages, cassette, cassettes, stubs, upstream, replayMode,
                failOnUnmatched, failOnUnused, tcp, tls, dispatcher, journalCapacity);
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
