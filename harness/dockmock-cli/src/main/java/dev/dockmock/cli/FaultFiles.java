package dev.dockmock.cli;

import dev.dockmock.admin.FaultDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The fault files {@code --faults} names: a file, or every {@code .yaml}, {@code .yml} and {@code .json} in a directory. */
final class FaultFiles {

    private FaultFiles() {
    }

    /** @throws IOException naming the file that is missing or wrong */
    static List<FaultDocument> load(List<Path> paths) throws IOException {
        List<FaultDocument> documents = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
                        documents.add(FaultDocument.load(file));
                    }
                }
            } else if (Files.isRegularFile(path)) {
                documents.add(FaultDocument.load(path));
            } else {
                throw new IOException("no fault file " + path);
            }
        }
        return documents;
    }
}
