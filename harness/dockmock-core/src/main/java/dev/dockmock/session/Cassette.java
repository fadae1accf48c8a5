package dev.dockmock.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A loaded cassette.
 *
 * @param header the header line
 * @param interactions every complete interaction, in the order the requests arrived
 * @param warnings what loading skipped, such as a torn last line
 */
public record Cassette(CassetteHeader header, List<Interaction> interactions, List<String> warnings) {

    public Cassette {
        Objects.requireNonNull(header, "header");
        interactions = List.copyOf(interactions);
        warnings = List.copyOf(warnings);
    }

    /** Loads a cassette file; see {@link CassetteReader#load}. */
    public static Cassette load(Path file) throws IOException {
        return CassetteReader.load(file);
    }
}
