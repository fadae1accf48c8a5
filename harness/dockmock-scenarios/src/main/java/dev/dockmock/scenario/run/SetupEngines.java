package dev.dockmock.scenario.run;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.fixtures.EngineFixtures;
import dev.dockmock.scenario.model.Setup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine configuration a setup asks for: its fixtures (files, or directories read as {@code dockmock serve --fixtures} reads them) and seed images. */
final class SetupEngines {

    private SetupEngines() {
    }

    /** The defaults, with every fixture of {@code setup} added in order and its images seeded. */
    static EngineConfig config(Setup setup) throws IOException {
        EngineFixtures fixtures = EngineFixtures.none();
        for (Path path : setup.fixtures()) {
            Path root = Files.isDirectory(path.resolve("engine")) ? path.resolve("engine") : path;
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(root)) {
                try (java.util.stream.Stream<Path> walk = Files.walk(root, 2)) {
                    walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
            for (Path file : files) {
                fixtures.add(file);
            }
        }
        EngineConfig config = fixtures.applyTo(EngineConfig.defaults());
        List<String> images = new ArrayList<>(config.seedImages());
        images.addAll(setup.images());
        return config.withSeedImages(images);
    }
}
