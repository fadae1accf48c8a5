package dev.dockmock.junit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.admin.DispatcherKind;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.fixtures.EngineFixtures;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.session.Cassette;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Makes the {@link Backend} for a mode. */
final class Backends {

    private Backends() {
    }

    static Backend create(Settings settings, TestTarget target, Path scratch) throws Exception {
        if (settings.dispatcher().isPresent()) {
            return custom(settings.dispatcher().get().apply(target));
        }
        return switch (settings.mode()) {
            case ENGINE -> engine(settings, Mode.ENGINE);
            case REPLAY -> replay(settings, target, scratch);
            case RECORD -> Files.isRegularFile(Cassettes.file(settings, target)) && !Boolean.getBoolean("dockmock.rerecord")
                    ? replay(settings, target, scratch) : Recorders.record(settings, target);
            case STUBS -> stubs(settings, target);
        };
    }

    /** An engine configured by the settings' fixtures and images. */
    static Engine newEngine(Settings settings) throws IOException {
        EngineConfig config = EngineConfig.defaults();
        if (settings.fixtures().isPresent()) {
            config = EngineFixtures.load(fixturesDir(settings.fixtures().get())).applyTo(config);
        }
        if (!settings.images().isEmpty()) {
            List<String> images = new ArrayList<>(config.seedImages());
            images.addAll(settings.images());
            config = config.withSeedImages(images);
        }
        return Engine.create(config);
    }

    private static Backend engine(Settings settings, Mode mode) throws IOException {
        Engine engine = newEngine(settings);
        Closer closer = new Closer();
        closer.add(engine);
        return new Backend(engine.dispatcher(), mode, Optional.of(engine), Optional.empty(), Optional.empty(), closer);
    }

    private static Backend replay(Settings settings, TestTarget target, Path scratch) throws IOException {
        Path file = Cassettes.find(settings, target, scratch).orElseThrow(() -> new IOException(
                "dockmock: no cassette for " + target.describe() + " to replay: looked for " + Cassettes.lookedIn(settings, target)
                        + ". Record it with mode RECORD (which records when the cassette is missing), or name one with cassette = \"...\""));
        ReplayDispatcher replay = new ReplayDispatcher(Cassette.load(file), ReplayOptions.defaults().withMode(settings.replayMode()));
        return new Backend(replay, Mode.REPLAY, Optional.empty(), Optional.of(replay), Optional.of(file), new Closer());
    }

    private static Backend stubs(Settings settings, TestTarget target) throws Exception {
        Optional<DispatcherKind> kind = ServiceLoader.load(DispatcherKind.class).stream().map(ServiceLoader.Provider::get)
                .filter(k -> k.name().equals("stubs")).findFirst();
        if (kind.isEmpty()) {
            throw new IllegalStateException("dockmock: mode STUBS needs a stub module on the test classpath (one that registers a "
                    + DispatcherKind.class.getName() + " named \"stubs\", such as dockmock-wiremock); none was found. "
                    + "Add dev.dockmock:dockmock-wiremock as a test dependency, or give a dispatcher of your own: "
                    + "DockMockExtension.builder().dispatcher(target -> ...)");
        }
        Path root = Stubs.root(settings, target);
        Engine engine = newEngine(settings);
        Closer closer = new Closer();
        closer.add(engine);
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("kind", "stubs").put("mappings", root.toString());
        Dispatcher dispatcher;
        try {
            dispatcher = kind.get().create(json, engine.dispatcher());
        } catch (RuntimeException | IOException e) {
            closer.closeAfter(e);
            throw e;
        }
        if (dispatcher instanceof AutoCloseable closeable) {
            closer.add(closeable);
        }
        return new Backend(dispatcher, Mode.STUBS, Optional.of(engine), Optional.empty(), Optional.empty(), closer);
    }

    private static Backend custom(Dispatcher dispatcher) {
        Closer closer = new Closer();
        if (dispatcher instanceof AutoCloseable closeable) {
            closer.add(closeable);
        }
        return new Backend(dispatcher, Mode.STUBS, Optional.empty(), Optional.empty(), Optional.empty(), closer);
    }

    /** A directory on disk, else a classpath directory. */
    static Path fixturesDir(String name) throws IOException {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            return path;
        }
        URL url = Thread.currentThread().getContextClassLoader().getResource(name.replaceFirst("^/", ""));
        if (url != null && url.getProtocol().equals("file")) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException("cannot read engine fixtures " + url + ": " + e.getMessage(), e);
            }
        }
        throw new IOException("dockmock: engine fixtures \"" + name + "\" not found: neither the directory "
                + path.toAbsolutePath() + " nor a directory on the classpath");
    }
}
