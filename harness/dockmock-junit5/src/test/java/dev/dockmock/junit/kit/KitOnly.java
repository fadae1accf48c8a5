package dev.dockmock.junit.kit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks an example class that only {@link Kit} runs (through JUnit's EngineTestKit): some of them
 * fail on purpose, so the build's own test run must skip them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KitOnly.Condition.class)
public @interface KitOnly {

    /** Enabled only under the configuration parameter {@link Kit#PARAMETER}. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(Kit.PARAMETER).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("run by the test kit")
                    : ConditionEvaluationResult.disabled("an example run only through EngineTestKit");
        }
    }
}
