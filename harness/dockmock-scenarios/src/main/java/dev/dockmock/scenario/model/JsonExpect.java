package dev.dockmock.scenario.model;

import java.util.Optional;

/**
 * An expectation on one value of a JSON document, found by a path such as {@code $[0].State.Status},
 * {@code Config.Image} or {@code $.Containers} (see {@code dev.dockmock.scenario.check.JsonPath}).
 *
 * @param path where the value is
 * @param equals the value as text (a string's content, or a number, boolean or null as written)
 * @param contains a piece the value's text must contain
 * @param length how many elements (array), fields (object) or characters (string) it has
 * @param exists whether the path must lead to a value (true) or to nothing (false)
 */
public record JsonExpect(String path, Optional<String> equals, Optional<String> contains, Optional<Integer> length,
        Optional<Boolean> exists) {
}
