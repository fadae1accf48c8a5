package dev.dockmock.scenario.run;

import dev.dockmock.scenario.check.JournalChecks;
import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.model.Step;
import dev.dockmock.scenario.progress.RunListener;
import dev.dockmock.scenario.result.ClientRequest;
import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.ScenarioResult;
import dev.dockmock.scenario.result.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one scenario: starts its dockmock, runs its steps in order (after a step fails or errs,
 * the rest are skipped), collects the journal's requests by client, and stops everything.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    public static ScenarioResult run(Scenario scenario, Path baseDir, RunListener listener) throws InterruptedException {
        Instant started = Instant.now();
        long start = System.nanoTime();
        long deadline = start + scenario.timeout().toNanos();
        String file = relative(baseDir, scenario.file());
        List<StepResult> steps = new ArrayList<>();
        List<ClientRequest> requests = List.of();
        Failure setupFailure = null;
        Outcome outcome = Outcome.PASSED;
        Path work = null;
        try {
            work = Files.createTempDirectory("dms-");
            try (Instance instance = SetupWithin.start(scenario.setup(), work, scenario.stepTimeout())) {
                ClientHomes homes = new ClientHomes(Files.createDirectories(work.resolve("clients")), instance.tls());
                StepExecutor executor = new StepExecutor(instance, homes, Files.createDirectories(work.resolve("out")),
                        scenario.stepTimeout(), step -> listener.stepStarted(scenario, step));
                for (Step step : scenario.steps()) {
                    if (outcome != Outcome.PASSED) {
                        steps.add(skipped(step));
                    } else if (System.nanoTime() > deadline) {
                        steps.add(skipped(step));
                        outcome = Outcome.ERROR;
                        setupFailure = Failure.of("the scenario did not finish within its time-out of "
                                + DockerProcess.pretty(scenario.timeout()));
                    } else {
                        StepResult result = executor.run(step);
                        steps.add(result);
                        outcome = outcome.worst(result.outcome());
                    }
                }
                requests = requests(instance);
            }
        } catch (IOException | RuntimeException e) {
            setupFailure = Failure.of("setup failed: " + e.getMessage());
            outcome = Outcome.ERROR;
            for (int i = steps.size(); i < scenario.steps().size(); i++) {
                steps.add(skipped(scenario.steps().get(i)));
            }
        } finally {
            delete(work);
        }
        return new ScenarioResult(scenario.name(), file, scenario.description(), scenario.tags(), outcome, started,
                Duration.ofNanos(System.nanoTime() - start), setupFailure, steps, requests);
    }

    /** A scenario that could not be read, as a result of its own. */
    public static ScenarioResult unreadable(String name, String file, String message) {
        return new ScenarioResult(name, file, "", List.of(), Outcome.ERROR, Instant.now(), Duration.ZERO, Failure.of(message), List.of(),
                List.of());
    }

    private static StepResult skipped(Step step) {
        return new StepResult(step.name(), step.kind(), step.client(), step.command(), Outcome.SKIPPED, Instant.now(), Duration.ZERO,
                null, "", "", List.of(), List.of());
    }

    private static List<ClientRequest> requests(Instance instance) {
        return instance.journal().stream().map(e -> new ClientRequest(JournalChecks.client(e).orElse(e.userAgent()), e.seq(), e.time(),
                e.duration(), e.request().method(), e.request().target(), e.status(), e.userAgent(),
                instance.node(e).map(node -> node + " ").orElse("") + e.request().client().listener())).toList();
    }

    static String relative(Path base, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path from = base.toAbsolutePath().normalize();
        return absolute.startsWith(from) ? from.relativize(absolute).toString() : absolute.toString();
    }

    private static void delete(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
