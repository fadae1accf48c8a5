package dev.dockmock.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads cassettes. A last line without its newline that does not parse is what a recorder killed
 * mid-write leaves: it is skipped with a warning. Any other line that does not parse fails the load
 * with its line number.
 */
public final class CassetteReader {
    private static final System.Logger LOG = System.getLogger(CassetteReader.class.getName());

    private CassetteReader() {
    }

    /** Loads {@code file}. */
    public static Cassette load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses cassette text.
     *
     * @param name what to call the text in messages, such as its file name
     * @throws CassetteException naming the line and the problem
     */
    public static Cassette parse(String text, String name) throws CassetteException {
        String[] lines = text.split("\n", -1);
        boolean endsWithNewline = text.endsWith("\n");
        int count = endsWithNewline ? lines.length - 1 : lines.length;
        List<String> warnings = new ArrayList<>();
        CassetteHeader header = null;
        List<Interaction> interactions = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JsonBodies.MAPPER.readTree(line);
                if (header == null) {
                    header = CassetteCodec.header(node);
                    continue;
                }
                Interaction interaction = CassetteCodec.interaction(node);
                if (!ids.add(interaction.id())) {
                    throw new IllegalArgumentException("interaction id " + interaction.id() + " appears twice");
                }
                interactions.add(interaction);
            } catch (IOException | IllegalArgumentException e) {
                boolean torn = header != null && number == count && !endsWithNewline;
                String problem = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                if (torn) {
                    String warning = name + " line " + number + ": ignoring a torn last line (the recorder stopped mid-write): "
                            + problem;
                    LOG.log(System.Logger.Level.WARNING, warning);
                    warnings.add(warning);
                    continue;
                }
                throw new CassetteException(name + " line " + number + ": " + problem, number, e);
            }
        }
        if (header == null) {
            throw new CassetteException(name + ": empty file, not a dockmock cassette", 1, null);
        }
        interactions.sort(Comparator.comparingInt(Interaction::id));
        return new Cassette(header, interactions, warnings);
    }
}
