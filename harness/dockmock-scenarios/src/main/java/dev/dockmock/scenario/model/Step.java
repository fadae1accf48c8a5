package dev.dockmock.scenario.model;

import java.time.Duration;

/**
 * One step of a scenario. Every step has a name, a client label (the lane it appears in on the
 * report's timeline), a time-out and expectations checked when it ends.
 */
public sealed interface Step permits DockerStep, HttpStep, JavaStep, GroupStep, CheckStep, ActionStep {

    String name();

    /** The client label, empty for steps that make no requests of their own. */
    String client();

    /** The time-out; null means the scenario's step time-out. */
    Duration timeout();

    Expect expect();

    /** The kind as reports show it: docker, http, java, group, check or action. */
    String kind();

    /** What the step does, as a person would write it. */
    String command();
}
