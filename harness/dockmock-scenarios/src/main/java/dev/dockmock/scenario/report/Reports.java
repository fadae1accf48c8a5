package dev.dockmock.scenario.report;

import dev.dockmock.scenario.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every report of a run into one directory. The runner calls only this.
 *
 * <ul>
 *   <li>{@value JunitXmlReport#FILE}: JUnit XML in Maven Surefire's form, for CI tools
 *   <li>{@value JsonReport#FILE}: the whole result as JSON, for other tools
 *   <li>{@value HtmlReport#FILE}: a self-contained page for people
 * </ul>
 */
public final class Reports {
    private Reports() {}

    /**
     * Writes the run's reports (JUnit XML, JSON, HTML) into {@code dir}, creating it and replacing
     * reports of an earlier run.
     *
     * @return the files written, in the order above
     */
    public static List<Path> writeAll(RunResult run, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path junit = dir.resolve(JunitXmlReport.FILE);
        Path json = dir.resolve(JsonReport.FILE);
        Path html = dir.resolve(HtmlReport.FILE);
        JunitXmlReport.write(run, junit);
        JsonReport.write(run, json);
        HtmlReport.write(run, html);
        return List.of(junit, json, html);
    }
}
