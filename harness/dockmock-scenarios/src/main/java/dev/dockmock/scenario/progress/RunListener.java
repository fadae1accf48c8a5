package dev.dockmock.scenario.progress;

import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;

/** Hears a run's progress; called from the threads that run scenarios, so implementations synchronise. */
public interface RunListener {

    default void runStarted(int scenarios, int parallel) {
    }

    default void scenarioStarted(Scenario scenario) {
    }

    /** A scenario began a step (or a group's client began one). */
    default void stepStarted(Scenario scenario, String step) {
    }

    default void scenarioFinished(ScenarioResult result) {
    }

    default void runFinished(RunResult run) {
    }
}
