package dev.dockmock.scenario.progress;

import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;
import java.io.PrintStream;

/** Progress for logs and pipes: one line when a scenario starts, one when it ends, then the summary. */
public final class PlainProgress implements RunListener {
    private final PrintStream out;

    public PlainProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void runStarted(int scenarios, int parallel) {
        out.println("dockmock run: " + scenarios + (scenarios == 1 ? " scenario" : " scenarios") + ", " + parallel + " at a time");
        out.flush();
    }

    @Override
    public synchronized void scenarioStarted(Scenario scenario) {
        out.println("START " + scenario.name());
        out.flush();
    }

    @Override
    public synchronized void scenarioFinished(ScenarioResult result) {
        String first = result.allFailures().stream().findFirst().map(Failure::message).map(m -> ": " + m).orElse("");
        out.println(Summary.label(result.outcome()) + " " + result.name() + " (" + Summary.seconds(result.duration()) + ")" + first);
        out.flush();
    }

    @Override
    public synchronized void runFinished(RunResult run) {
        Summary.print(run, out);
        out.flush();
    }
}
