package dev.dockmock.junit;

import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;

/**
 * What a dockmock server is started for: a test class, and the test method when the server lives
 * for one test. Cassettes are named after it.
 *
 * @param testClass the test class (the outermost one for {@code @Nested} classes sharing a server)
 * @param testMethod the test method, empty for a server shared by the class
 */
public record TestTarget(Class<?> testClass, Optional<Method> testMethod) {

    public TestTarget {
        Objects.requireNonNull(testClass, "testClass");
        Objects.requireNonNull(testMethod, "testMethod");
    }

    /**
     * The class name without its package, nested classes joined by dots:
     * {@code ContainerTest.WhenStopped}.
     */
    public String className() {
        String name = testClass.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    /** {@code ContainerTest.WhenStopped} or {@code ContainerTest.WhenStopped#startsAgain}. */
    public String describe() {
        return className() + testMethod.map(m -> "#" + m.getName()).orElse("");
    }
}
