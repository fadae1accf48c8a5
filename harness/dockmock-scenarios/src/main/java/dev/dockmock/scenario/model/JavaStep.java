package dev.dockmock.scenario.model;

import java.time.Duration;
import java.util.Map;

/**
 * Runs a class implementing {@code dev.dockmock.scenario.ScenarioStep}, found on the class path.
 *
 * @param className the class's binary name
 * @param params text parameters handed to it
 */
public record JavaStep(String name, String client, Target target, String className, Map<String, String> params, Duration timeout,
        Expect expect) implements Step {

    public JavaStep {
        params = Map.copyOf(params);
    }

    @Override
    public String kind() {
        return "java";
    }

    @Override
    public String command() {
        return "java " + className;
    }
}
