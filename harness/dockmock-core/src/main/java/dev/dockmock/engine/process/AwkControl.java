package dev.dockmock.engine.process;

/** Leaves the statements running: {@code break}, {@code continue}, {@code next} or {@code exit}. */
final class AwkControl extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where control goes; DIE ends awk at once, END rules not run (an input file that cannot be read). */
    enum Kind {
        BREAK, CONTINUE, NEXT, EXIT, DIE
    }

    final Kind kind;
    /** For {@code exit}: the code given, or null to keep the one set before. */
    final Integer code;

    AwkControl(Kind kind, Integer code) {
        super(kind.name(), null, false, false);
        this.kind = kind;
        this.code = code;
    }
}
