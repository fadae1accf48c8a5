package dev.dockmock.scenario.run;

import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.progress.RunListener;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs scenarios, at most {@code parallel} at once, each against a dockmock of its own. */
public final class SuiteRunner {

    private SuiteRunner() {
    }

    public static RunResult run(String suite, List<Scenario> scenarios, int parallel, Path baseDir, RunListener listener)
            throws InterruptedException {
        Instant started = Instant.now();
        long start = System.nanoTime();
        listener.runStarted(scenarios.size(), parallel);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), r -> {
            Thread thread = new Thread(r, "scenario");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<ScenarioResult>> futures = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            futures.add(pool.submit(() -> {
                listener.scenarioStarted(scenario);
                ScenarioResult result = ScenarioRunner.run(scenario, baseDir, listener);
                listener.scenarioFinished(result);
                return result;
            }));
        }
        List<ScenarioResult> results = new ArrayList<>();
        try {
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Scenario scenario = scenarios.get(i);
                    ScenarioResult broken = ScenarioRunner.unreadable(scenario.name(), ScenarioRunner.relative(baseDir, scenario.file()),
                            "the runner failed: " + e.getCause());
                    listener.scenarioFinished(broken);
                    results.add(broken);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        RunResult run = new RunResult(suite, started, Duration.ofNanos(System.nanoTime() - start), results);
        listener.runFinished(run);
        return run;
    }
}
