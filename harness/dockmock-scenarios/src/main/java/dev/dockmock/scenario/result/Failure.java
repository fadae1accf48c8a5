package dev.dockmock.scenario.result;

/**
 * An expectation that did not hold, or the error that stopped a step.
 *
 * @param message one readable sentence: what was expected of what ("stdout of step 'ps' should
 *     contain \"web\"")
 * @param expected the expected text, for a diff; null when there is nothing to compare
 * @param actual the actual text, for a diff; null when there is nothing to compare
 */
public record Failure(String message, String expected, String actual) {

    public static Failure of(String message) {
        return new Failure(message, null, null);
    }

    /** Whether a report should show a diff of expected and actual. */
    public boolean hasDiff() {
        return expected != null && actual != null;
    }
}
