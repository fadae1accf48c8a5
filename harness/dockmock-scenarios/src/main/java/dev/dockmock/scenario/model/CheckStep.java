package dev.dockmock.scenario.model;

import java.time.Duration;

/** Checks the journal or the engine state alone, again and again until they hold or the time-out passes. */
public record CheckStep(String name, Duration timeout, Expect expect) implements Step {

    @Override
    public String client() {
        return "";
    }

    @Override
    public String kind() {
        return "check";
    }

    @Override
    public String command() {
        return "check";
    }
}
