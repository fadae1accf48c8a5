package dev.dockmock.engine.process;

/** Leaves the statements running: {@code break}, {@code continue}, {@code next}, {@code exit} or {@code return}. */
final class AwkControl extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where control goes; DIE ends awk at once, END rules not run (an input file that cannot be read). */
    enum Kind {
        BREAK, CONTINUE, NEXT, EXIT, DIE, RETURN
    }

    final Kind kind;
    /** For {@code exit}: the code given, or null to keep the one set before. */
    final Integer code;
    /** For {@code return}: the function's value ({@code ""} when none is given). */
    final Object returned;

    AwkControl(Kind kind, Integer code) {
        super(kind.name(), null, false, false);
        this.kind = kind;
        this.code = code;
        this.returned = "";
    }

    /** {@code return value}. */
    AwkControl(Object returned) {
        super(Kind.RETURN.name(), null, false, false);
        this.kind = Kind.RETURN;
        this.code = null;
        this.returned = returned;
    }
}
