package dev.dockmock.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Dockerfile instruction, continuation lines joined.
 *
 * @param keyword the instruction in upper case ({@code COPY})
 * @param flags its leading {@code --name=value} options ({@code --from=build})
 * @param args the text after the keyword and flags
 * @param line the line it starts on, from 1
 * @param original the instruction as written, on one line, as build steps print it
 */
public record Instruction(String keyword, Map<String, String> flags, String args, int line, String original) {

    public Instruction {
        flags = Map.copyOf(flags);
    }

    public Optional<String> flag(String name) {
        return Optional.ofNullable(flags.get(name));
    }

    /** The exec form's arguments when {@code args} is a JSON array of strings. */
    public Optional<List<String>> execForm() {
        return jsonArray(args);
    }

    /** The strings of a JSON array of strings (the exec form), if {@code text} is one. */
    static Optional<List<String>> jsonArray(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("[")) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.mapper().readTree(trimmed);
            List<String> values = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    return Optional.empty();
                }
                values.add(element.asText());
            }
            return node.isArray() ? Optional.of(values) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
