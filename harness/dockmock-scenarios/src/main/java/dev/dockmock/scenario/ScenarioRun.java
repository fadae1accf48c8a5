package dev.dockmock.scenario;

import dev.dockmock.dispatch.Glob;
import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.parse.ScenarioFormatException;
import dev.dockmock.scenario.parse.ScenarioParser;
import dev.dockmock.scenario.progress.PlainProgress;
import dev.dockmock.scenario.progress.RunListener;
import dev.dockmock.scenario.progress.TerminalProgress;
import dev.dockmock.scenario.report.Reports;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.run.SuiteRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code dockmock run}: finds and reads the scenario files, keeps those the filters select, runs
 * them in parallel, shows progress, writes the reports and {@code last-run.json}.
 * Exit codes: 0 every scenario passed, 1 any failed or erred, 2 a wrong command line or a
 * scenario file that cannot be read (nothing runs then).
 */
public final class ScenarioRun {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** The suite name reports show. */
    public static final String SUITE = "dockmock-scenarios";

    private ScenarioRun() {
    }

    public static int execute(RunOptions options, PrintStream out, PrintStream err) {
        List<Scenario> scenarios = new ArrayList<>();
        try {
            List<String> problems = new ArrayList<>();
            Map<String, Path> names = new HashMap<>();
            for (Path file : ScenarioFiles.find(options.paths())) {
                try {
                    Scenario scenario = ScenarioParser.load(file);
                    Path other = names.putIfAbsent(scenario.name(), file);
                    if (other != null) {
                        problems.add(file + ": the name \"" + scenario.name() + "\" is taken by " + other + "; give one a name: field");
                    }
                    scenarios.add(scenario);
                } catch (ScenarioFormatException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                problems.forEach(p -> err.println("dockmock run: " + p));
                return USAGE;
            }
        } catch (IOException e) {
            err.println("dockmock run: " + e.getMessage());
            return USAGE;
        }
        Optional<List<Scenario>> selected = select(scenarios, options, out, err);
        if (selected.isEmpty()) {
            return USAGE;
        }
        if (selected.get().isEmpty()) {
            return PASSED;
        }
        RunListener listener = switch (options.progress()) {
            case TERMINAL -> new TerminalProgress(out);
            case PLAIN -> new PlainProgress(out);
            case AUTO -> TerminalProgress.available() ? new TerminalProgress(out) : new PlainProgress(out);
        };
        RunResult run;
        try {
            run = SuiteRunner.run(SUITE, selected.get(), options.parallel(), Path.of(""), listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dockmock run: interrupted");
            return FAILED;
        }
        if (options.report().isPresent()) {
            Path dir = options.report().get();
            try {
                List<Path> written = Reports.writeAll(run, dir);
                LastRun.write(run, dir);
                out.println("reports: " + dir + (written.isEmpty() ? "" : " (" + String.join(", ",
                        written.stream().map(p -> p.getFileName().toString()).toList()) + ")"));
            } catch (IOException e) {
                err.println("dockmock run: cannot write the reports into " + dir + ": " + e.getMessage());
                return FAILED;
            }
        }
        return run.failed() ? FAILED : PASSED;
    }

    /** The scenarios to run; empty (after a message) when the selection is a mistake. */
    private static Optional<List<Scenario>> select(List<Scenario> all, RunOptions options, PrintStream out, PrintStream err) {
        List<Scenario> chosen = all.stream()
                .filter(s -> options.names().isEmpty() || options.names().stream().anyMatch(n -> Glob.of(n).matches(s.name())))
                .filter(s -> options.tags().isEmpty() || s.tags().stream().anyMatch(options.tags()::contains))
                .toList();
        if (options.rerunFailed()) {
            Optional<Set<String>> failed;
            try {
                failed = LastRun.failed(options.report().orElseThrow());
            } catch (IOException e) {
                err.println("dockmock run: cannot read the last run: " + e.getMessage());
                return Optional.empty();
            }
            if (failed.isEmpty()) {
                err.println("dockmock run: --rerun-failed found no " + LastRun.FILE + " in " + options.report().get()
                        + "; run once with --report " + options.report().get() + " first");
                return Optional.empty();
            }
            chosen = chosen.stream().filter(s -> failed.get().contains(s.name())).toList();
            if (chosen.isEmpty()) {
                out.println("dockmock run: nothing to rerun: no scenario failed in the last run");
                return Optional.of(List.of());
            }
        }
        if (chosen.isEmpty()) {
            err.println("dockmock run: no scenario matches" + (options.names().isEmpty() ? "" : " --name " + options.names())
                    + (options.tags().isEmpty() ? "" : " --tag " + options.tags()) + " among " + all.size() + " scenarios");
            return Optional.empty();
        }
        return Optional.of(chosen);
    }
}
