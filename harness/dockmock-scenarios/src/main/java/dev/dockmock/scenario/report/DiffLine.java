package dev.dockmock.scenario.report;

/**
 * One line of a diff between expected and actual text.
 *
 * @param kind whether the line is in both, only expected, only actual, or stands for folded lines
 * @param text the line (for {@link Kind#FOLDED}, a note saying how many lines it stands for)
 */
public record DiffLine(Kind kind, String text) {

    /** Where a diff line comes from. */
    public enum Kind {
        /** In both texts. */
        SAME,
        /** Only in the expected text: shown as {@code -}. */
        REMOVED,
        /** Only in the actual text: shown as {@code +}. */
        ADDED,
        /** A run of unchanged lines left out of the view. */
        FOLDED;

        /** The one-character prefix of a unified diff. */
        public char prefix() {
            return switch (this) {
                case SAME -> ' ';
                case REMOVED -> '-';
                case ADDED -> '+';
                case FOLDED -> '~';
            };
        }
    }
}
