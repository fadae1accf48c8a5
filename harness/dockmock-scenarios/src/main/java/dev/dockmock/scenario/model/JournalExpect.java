package dev.dockmock.scenario.model;

import java.util.Optional;

/**
 * An expectation on the request journal: how many requests like {@code request} came, and
 * whether the first of them came before the first request like {@code before}. With neither
 * {@code count} nor {@code atLeast}, at least one must have come.
 *
 * @param request which requests
 * @param count exactly this many
 * @param atLeast at least this many
 * @param before the first matching request must have arrived before the first of these
 */
public record JournalExpect(RequestSpec request, Optional<Integer> count, Optional<Integer> atLeast, Optional<RequestSpec> before) {
}
