package dev.dockmock.scenario.parse;

import java.nio.file.Path;

/**
 * A scenario file that cannot be read as written. The message names the file, the line and the
 * field: {@code scenarios/x.yaml line 7: steps[1].expect.exitCode: expected a whole number, got "zero"}.
 */
public final class ScenarioFormatException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String field;

    public ScenarioFormatException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** The line (from 1), 0 when unknown. */
    public int line() {
        return line;
    }

    /** The field's path, e.g. {@code steps[1].expect.exitCode}; empty for the whole document. */
    public String field() {
        return field;
    }
}
