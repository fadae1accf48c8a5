package dev.dockmock.cli;

import dev.dockmock.session.Cassette;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads a cassette named on the command line, with messages a person can act on. */
final class CassetteFiles {

    private CassetteFiles() {
    }

    static Cassette load(Path file) throws IOException {
        try {
            return Cassette.load(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": permission denied", e);
        }
    }
}
