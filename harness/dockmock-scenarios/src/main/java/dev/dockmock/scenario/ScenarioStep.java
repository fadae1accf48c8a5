package dev.dockmock.scenario;

/**
 * A step written in Java, named in a scenario file by its class ({@code java: com.example.MyStep}).
 * The class needs a public no-argument constructor and must be on the class path of
 * {@code dockmock run}. Throwing an {@link AssertionError} fails the step with its message; any
 * other exception makes it an error.
 */
public interface ScenarioStep {

    void run(StepContext context) throws Exception;
}
