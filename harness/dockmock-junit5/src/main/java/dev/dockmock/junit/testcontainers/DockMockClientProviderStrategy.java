package dev.dockmock.junit.testcontainers;

import dev.dockmock.junit.DockMock;
import dev.dockmock.junit.JvmDockMock;
import java.net.URI;
import java.util.Locale;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * Points Testcontainers at the JVM-wide dockmock ({@link JvmDockMock}), starting it on first use.
 * Testcontainers finds this strategy through its service loader; it applies only when switched on,
 * so having this module on a classpath changes nothing by itself:
 *
 * <ul>
 *   <li>the system property {@value #ENABLE_PROPERTY}{@code =true} (for instance in Surefire's
 *       {@code systemPropertyVariables}), or the environment variable {@code DOCKMOCK_TESTCONTAINERS=true};
 *   <li>or Testcontainers' own setting naming this class: {@code TESTCONTAINERS_DOCKER_CLIENT_STRATEGY}
 *       or {@code docker.client.strategy} in {@code ~/.testcontainers.properties}.
 * </ul>
 *
 * <p>Testcontainers asks {@code tc.host} and {@code DOCKER_HOST} before any discovered strategy: a
 * build that sets {@code DOCKER_HOST} for the tests reaches that daemon instead (Surefire's
 * {@code excludedEnvironmentVariables} keeps it out). This strategy is never written to
 * {@code ~/.testcontainers.properties}.
 */
public final class DockMockClientProviderStrategy extends DockerClientProviderStrategy {
    /** The system property that switches this strategy on. */
    public static final String ENABLE_PROPERTY = "dockmock.testcontainers";
    /** Above every strategy Testcontainers ships, so that when applicable it is tried first among them. */
    public static final int PRIORITY = 1_000;

    /** Called by Testcontainers' service loader. */
    public DockMockClientProviderStrategy() {
    }

    @Override
    public String getDescription() {
        return "dockmock, the fake Docker engine of this JVM, on " + JvmDockMock.get().unixHost();
    }

    @Override
    protected boolean isApplicable() {
        return switchedOn();
    }

    @Override
    protected boolean isPersistable() {
        return false;
    }

    @Override
    protected int getPriority() {
        return PRIORITY;
    }

    @Override
    public TransportConfig getTransportConfig() {
        DockMock dockmock = JvmDockMock.get();
        return TransportConfig.builder().dockerHost(URI.create(dockmock.unixHost())).build();
    }

    /** Whether the switches described above ask for dockmock. */
    static boolean switchedOn() {
        String property = System.getProperty(ENABLE_PROPERTY);
        String variable = System.getenv("DOCKMOCK_TESTCONTAINERS");
        if (property != null) {
            return Boolean.parseBoolean(property.trim());
        }
        if (variable != null) {
            return variable.trim().toLowerCase(Locale.ROOT).equals("true");
        }
        return DockMockClientProviderStrategy.class.getName()
                .equals(TestcontainersConfiguration.getInstance().getDockerClientStrategyClassName());
    }
}
