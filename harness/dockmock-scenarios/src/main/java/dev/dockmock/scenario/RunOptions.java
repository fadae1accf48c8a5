package dev.dockmock.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code dockmock run} was asked to do.
 *
 * @param paths scenario files, or directories searched for {@code *.yaml} and {@code *.yml}
 * @param parallel how many scenarios run at once
 * @param report where reports and {@code last-run.json} go, if anywhere
 * @param names globs on scenario names; a scenario runs when any matches (all run when empty)
 * @param tags tags; a scenario runs when it has any of them (all run when empty)
 * @param rerunFailed run only the scenarios that failed or erred in the last run recorded in {@code report}
 * @param progress how progress is shown
 */
public record RunOptions(List<Path> paths, int parallel, Optional<Path> report, List<String> names, List<String> tags,
        boolean rerunFailed, ProgressStyle progress) {

    public RunOptions {
        paths = List.copyOf(paths);
        names = List.copyOf(names);
        tags = List.copyOf(tags);
    }

    /** Progress on a terminal (a redrawn line), as plain lines, or chosen by whether the output is a terminal. */
    public enum ProgressStyle { AUTO, TERMINAL, PLAIN }
}
