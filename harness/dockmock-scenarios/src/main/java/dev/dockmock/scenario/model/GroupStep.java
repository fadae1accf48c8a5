package dev.dockmock.scenario.model;

import java.time.Duration;
import java.util.List;

/** Runs its steps at the same time, each as a client of its own; expectations are checked once all have ended. */
public record GroupStep(String name, List<Step> steps, Duration timeout, Expect expect) implements Step {

    public GroupStep {
        steps = List.copyOf(steps);
    }

    @Override
    public String client() {
        return "";
    }

    @Override
    public String kind() {
        return "group";
    }

    @Override
    public String command() {
        return "group of " + steps.size();
    }
}
