package dev.dockmock.scenario.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Expectations on a text (an output, a body).
 *
 * @param equals the whole text, trailing line breaks ignored
 * @param contains pieces it must contain
 * @param notContains pieces it must not contain
 * @param matches regular expressions it must contain a match of
 * @param empty whether it must be empty (true) or must not be (false)
 * @param json expectations on the text read as JSON
 */
public record TextExpect(Optional<String> equals, List<String> contains, List<String> notContains, List<Pattern> matches,
        Optional<Boolean> empty, List<JsonExpect> json) {

    public TextExpect {
        contains = List.copyOf(contains);
        notContains = List.copyOf(notContains);
        matches = List.copyOf(matches);
        json = List.copyOf(json);
    }
}
