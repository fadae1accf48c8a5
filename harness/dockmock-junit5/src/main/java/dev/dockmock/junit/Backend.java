package dev.dockmock.junit;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.Engine;
import dev.dockmock.replay.ReplayDispatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What answers a server's requests in a given mode, and what to close once the server has stopped.
 *
 * @param mode the mode actually in effect ({@link Mode#RECORD} with an existing cassette replays)
 * @param closer closed after the server: recorders, cassette writers, the engine
 */
record Backend(Dispatcher dispatcher, Mode mode, Optional<Engine> engine, Optional<ReplayDispatcher> replay,
        Optional<Path> cassette, Closer closer) implements AutoCloseable {

    Backend {
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(cassette, "cassette");
        Objects.requireNonNull(closer, "closer");
    }

    @Override
    public void close() throws IOException {
        closer.close();
    }
}
