package dev.dockmock.junit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the stub root of {@link Mode#STUBS}: {@code <stubs>/<Class>}, on disk or on the classpath. */
final class Stubs {

    private Stubs() {
    }

    /** The directory, else the classpath directory with the same part below {@code src/test/resources}. */
    static Path root(Settings settings, TestTarget target) throws IOException {
        Path dir = settings.stubs().resolve(target.className());
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Optional<String> resource = Cassettes.resourceName(dir);
        if (resource.isPresent()) {
            URL url = Thread.currentThread().getContextClassLoader().getResource(resource.get());
            if (url != null && url.getProtocol().equals("file")) {
                try {
                    return Path.of(url.toURI());
                } catch (URISyntaxException e) {
                    throw new IOException("cannot read stubs " + url + ": " + e.getMessage(), e);
                }
            }
        }
        throw new IOException("dockmock: no stubs for " + target.className() + ": looked for the directory " + dir.toAbsolutePath()
                + resource.map(r -> " and on the classpath for " + r).orElse("")
                + ". Put the stub mappings in " + dir.resolve("mappings") + ", or name another place with stubs = \"...\"");
    }
}
