package dev.dockmock.junit.kit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs {@link KitOnly} example classes on the Jupiter engine, in this JVM, and returns what happened. */
public final class Kit {
    /** The configuration parameter that enables the examples. */
    public static final String PARAMETER = "dockmock.kit";

    private Kit() {
    }

    public static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    public static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(PARAMETER, "true")
                .configurationParameters(parameters)
                .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    /** The parameters that run classes, and the methods within them, concurrently. */
    public static Map<String, String> parallel() {
        return Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "6");
    }
}
