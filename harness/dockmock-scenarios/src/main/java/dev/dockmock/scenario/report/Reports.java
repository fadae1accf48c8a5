package dev.dockmock.scenario.report;

import dev.dockmock.scenario.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every report of a run into one directory. The runner calls only this.
 *
 * <p>Placeholder until the report writers land: it writes nothing and names no file.
 */
public final class Reports {
    private Reports() {}

    /**
     * Writes the run's reports (JUnit XML, JSON, HTML) into {@code dir}, creating it.
     *
     * @return the files written
     */
    public static List<Path> writeAll(RunResult run, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        return List.of();
    }
}
