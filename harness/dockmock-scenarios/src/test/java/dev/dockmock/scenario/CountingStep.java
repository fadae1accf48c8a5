package dev.dockmock.scenario;

/** A Java step for the tests: checks the journal's size against its {@code expected} parameter. */
public class CountingStep implements ScenarioStep {

    @Override
    public void run(StepContext context) {
        int size = context.control().orElseThrow().journal().size();
        int expected = Integer.parseInt(context.params().get("expected"));
        if (size != expected) {
            throw new AssertionError("expected " + expected + " requests, the journal has " + size);
        }
        context.print("journal has " + size + " requests");
    }
}
