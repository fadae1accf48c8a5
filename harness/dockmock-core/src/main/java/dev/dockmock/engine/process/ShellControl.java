package dev.dockmock.engine.process;

/**
 * Unwinding through the runner: {@code exit}, {@code break}, {@code continue}, {@code return},
 * fatal shell errors and writes to a pipe nobody reads any more. None carries a stack trace:
 * they are control flow, not failures of dockmock.
 */
final class ShellControl {

    private ShellControl() {
    }

    /** Base: no stack trace, no suppression. */
    abstract static class Unwind extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unwind(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code exit N}, {@code exec}, or {@code set -e} ending the (sub)shell. */
    static final class Exit extends Unwind {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status) {
            super("exit " + status);
            this.status = status;
        }
    }

    /** {@code break N} ({@code loop} false) or {@code continue N}. */
    static final class LoopJump extends Unwind {
        private static final long serialVersionUID = 1L;
        final int levels;
        final boolean breaking;

        LoopJump(int levels, boolean breaking) {
            super(breaking ? "break" : "continue");
            this.levels = levels;
            this.breaking = breaking;
        }
    }

    /** {@code return N} from a function. */
    static final class Return extends Unwind {
        private static final long serialVersionUID = 1L;
        final int status;

        Return(int status) {
            super("return " + status);
            this.status = status;
        }
    }

    /**
     * An error that ends a non-interactive shell with status 2, as ash's errors do (bad
     * arithmetic, {@code ${x?}}, {@code exit abc}). The message is printed after the shell's prefix.
     */
    static final class Fatal extends Unwind {
        private static final long serialVersionUID = 1L;
        final String builtin;
        final int status;

        Fatal(String message) {
            this(null, message);
        }

        /** An error of the builtin {@code builtin}, which ash names in the message. */
        Fatal(String builtin, String message) {
            this(builtin, message, 2);
        }

        Fatal(String builtin, String message, int status) {
            super(message);
            this.builtin = builtin;
            this.status = status;
        }
    }

    /**
     * A write to a pipe whose reader has gone: the writer ends as if killed by SIGPIPE (status 141).
     * Also thrown when a pipeline stage is interrupted while its pipe is full.
     */
    static final class BrokenPipe extends Unwind {
        private static final long serialVersionUID = 1L;

        BrokenPipe() {
            super("broken pipe");
        }
    }
}
