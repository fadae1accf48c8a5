package dev.dockmock.cli;

import dev.dockmock.scenario.RunOptions;
import dev.dockmock.scenario.ScenarioRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code dockmock run [PATHS...]}: runs scenario files (docs/scenarios.md) and writes their reports. */
final class RunCommand implements Command {
    static final String HELP = """
            Usage: dockmock run [PATHS...] [OPTIONS]

            Run scenario files: each starts a dockmock of its own, drives real clients (the docker
            CLI, raw HTTP, Java steps) against it and checks what they show. PATHS are files or
            directories searched for *.yaml and *.yml (default: scenarios).

            Options:
                  --report DIR      Write the reports (JUnit XML, JSON, HTML) and last-run.json into DIR
                  --parallel N      Run at most N scenarios at once (default 2)
                  --name GLOB       Run only scenarios whose name matches GLOB (repeatable; * and ?)
                  --tag TAG         Run only scenarios with TAG (repeatable)
                  --rerun-failed    Run only what failed in the last run recorded in --report DIR
                  --plain           Plain progress lines even on a terminal
              -h, --help            Print this help

            Exit codes: 0 every scenario passed, 1 any failed or erred, 2 a wrong command line or a
            scenario file that cannot be read (then nothing runs).
            """;

    @Override
    public String summary() {
        return "Run scenario files against dockmock and write their reports";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        Flags flags = new Flags(args);
        Optional<Path> report = Optional.empty();
        int parallel = 2;
        List<String> names = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        boolean rerun = false;
        RunOptions.ProgressStyle progress = RunOptions.ProgressStyle.AUTO;
        for (String flag = flags.next(); flag != null; flag = flags.next()) {
            switch (flag) {
                case "-h", "--help" -> {
                    out.print(HELP);
                    return 0;
                }
                case "--report" -> report = Optional.of(Path.of(flags.value()));
                case "--parallel" -> parallel = positive(flags.value());
                case "--name" -> names.add(flags.value());
                case "--tag" -> tags.add(flags.value());
                case "--rerun-failed" -> {
                    flags.noValue();
                    rerun = true;
                }
                case "--plain" -> {
                    flags.noValue();
                    progress = RunOptions.ProgressStyle.PLAIN;
                }
                default -> throw flags.unknown();
            }
        }
        if (rerun && report.isEmpty()) {
            throw new UsageException("--rerun-failed needs --report DIR, where the last run was recorded");
        }
        List<Path> paths = flags.operands().stream().map(Path::of).toList();
        if (paths.isEmpty()) {
            paths = List.of(Path.of("scenarios"));
        }
        return ScenarioRun.execute(new RunOptions(paths, parallel, report, names, tags, rerun, progress), out, err);
    }

    private static int positive(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error
        }
        throw new UsageException("--parallel needs a whole number of 1 or more, got \"" + text + "\"");
    }
}
