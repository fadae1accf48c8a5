package dev.dockmock.scenario.progress;

import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress on a terminal: finished scenarios scroll by as lines, and one line at the bottom is
 * redrawn in place with a bar, the counts and each running scenario's current step.
 */
public final class TerminalProgress implements RunListener {
    private static final int BAR = 24;
    private static final int WIDTH = 110;

    private final PrintStream out;
    private final Map<String, String> running = new LinkedHashMap<>();
    private int total;
    private int done;
    private int passed;
    private int failed;

    public TerminalProgress(PrintStream out) {
        this.out = out;
    }

    /** Whether this JVM writes to a terminal that can redraw a line. */
    public static boolean available() {
        String term = System.getenv("TERM");
        return System.console() != null && isTerminal(System.console()) && term != null && !term.isEmpty() && !term.equals("dumb");
    }

    /** From Java 22 on a console exists even when output is redirected; {@code Console.isTerminal()} tells. */
    private static boolean isTerminal(java.io.Console console) {
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22, a console exists only on a terminal
        }
    }

    @Override
    public synchronized void runStarted(int scenarios, int parallel) {
        total = scenarios;
        redraw();
    }

    @Override
    public synchronized void scenarioStarted(Scenario scenario) {
        running.put(scenario.name(), "setup");
        redraw();
    }

    @Override
    public synchronized void stepStarted(Scenario scenario, String step) {
        running.put(scenario.name(), step);
        redraw();
    }

    @Override
    public synchronized void scenarioFinished(ScenarioResult result) {
        running.remove(result.name());
        done++;
        if (result.outcome() == Outcome.PASSED) {
            passed++;
        } else if (result.outcome() != Outcome.SKIPPED) {
            failed++;
        }
        out.print("\r\033[2K");
        String colour = result.outcome() == Outcome.PASSED ? "\033[32m" : "\033[31m";
        out.println(colour + Summary.label(result.outcome()) + "\033[0m " + result.name() + " (" + Summary.seconds(result.duration()) + ")");
        redraw();
    }

    @Override
    public synchronized void runFinished(RunResult run) {
        out.print("\r\033[2K");
        Summary.print(run, out);
        out.flush();
    }

    private void redraw() {
        int filled = total == 0 ? BAR : done * BAR / total;
        StringBuilder line = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
                .append(done).append('/').append(total).append("  ").append(passed).append(" passed");
        if (failed > 0) {
            line.append(", ").append(failed).append(" failed");
        }
        running.forEach((scenario, step) -> line.append("  | ").append(scenario).append(": ").append(step));
        String text = line.length() > WIDTH ? line.substring(0, WIDTH - 3) + "..." : line.toString();
        out.print("\r\033[2K" + text);
        out.flush();
    }
}
