package dev.dockmock.scenario.result;

/** How a scenario or a step ended. */
public enum Outcome {
    /** Ran and every expectation held. */
    PASSED,
    /** Ran, and an expectation did not hold. */
    FAILED,
    /** Could not run as written: bad setup, a timeout, a client that could not start. */
    ERROR,
    /** Not run (filtered out, or after an earlier step failed). */
    SKIPPED;

    /** The worse of two outcomes: ERROR over FAILED over PASSED over SKIPPED. */
    public Outcome worst(Outcome other) {
        return rank(this) >= rank(other) ? this : other;
    }

    private static int rank(Outcome outcome) {
        return switch (outcome) {
            case SKIPPED -> 0;
            case PASSED -> 1;
            case FAILED -> 2;
            case ERROR -> 3;
        };
    }
}
