package dev.dockmock.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds scenario files: each path given is a file, or a directory searched (recursively) for {@code *.yaml} and {@code *.yml}. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    static List<Path> find(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(".*\\.ya?ml$")).sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IOException("no scenario file or directory " + path);
            }
        }
        return files.stream().distinct().toList();
    }
}
