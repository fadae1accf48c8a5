package dev.dockmock.junit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs dockmock servers for tests. Declaratively with {@link DockMockTest}; programmatically with
 * {@link #builder()} in a field annotated {@code @RegisterExtension}: a {@code static} field gives
 * one server per test class, an instance field one per test (unless a lifecycle is set).
 *
 * <pre>{@code
 * @RegisterExtension
 * static DockMockExtension dockmock = DockMockExtension.builder().images("alpine:3.20").build();
 * }</pre>
 *
 * <p>Tests get the running server as a {@link DockMock} parameter, or in a non-final field of that
 * type, or from {@link #dockMock()}; a {@code DockerClient} or {@code DockerClientConfig}
 * parameter when docker-java is on the classpath. Servers live in JUnit's
 * {@link ExtensionContext.Store} and are closed with it; the extension keeps no static state and
 * every server has a socket of its own, so parallel test classes and methods do not meet.
 *
 * <p>After each test, requests that matched nothing fail it ({@link DockMockBuilder#failOnUnmatchedRequests});
 * when a replayed server stops, interactions never requested fail it if asked
 * ({@link DockMockBuilder#failOnUnusedInteractions}).
 */
public final class DockMockExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private static final String SESSION = "session";
    private static final String AUTOCLOSE = "junit.jupiter.extensions.store.close.autocloseable.enabled";

    private final Settings configured;
    private final Set<Session> running = ConcurrentHashMap.newKeySet();

    /** The declarative form: settings come from {@link DockMockTest} on the test class. */
    public DockMockExtension() {
        this(null);
    }

    private DockMockExtension(Settings settings) {
        this.configured = settings;
    }

    /** The programmatic form: build it, then register it with {@code @RegisterExtension}. */
    public static DockMockBuilder builder() {
        return new DockMockBuilder();
    }

    static DockMockExtension of(Settings settings) {
        return new DockMockExtension(settings);
    }

    /**
     * The server this extension runs now, for the programmatic form.
     *
     * @throws IllegalStateException when none runs, or several do (one per test, in parallel):
     *     take a {@link DockMock} parameter then
     */
    public DockMock dockMock() {
        List<Session> now = List.copyOf(running);
        if (now.size() == 1) {
            return now.get(0).handle();
        }
        throw new IllegalStateException(now.isEmpty()
                ? "no dockmock server is running: it starts before @BeforeAll (static field) or @BeforeEach (instance field)"
                : now.size() + " dockmock servers are running (one per test, in parallel): take DockMock as a parameter instead");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Settings settings = settings(context);
        DockMockLifecycle lifecycle = settings.lifecycle().orElse(DockMockLifecycle.PER_CLASS);
        Session session = lifecycle == DockMockLifecycle.JVM ? jvm(settings) : stored(context).orElse(null);
        if (session == null && lifecycle == DockMockLifecycle.PER_CLASS) {
            session = start(settings, new TestTarget(context.getRequiredTestClass(), Optional.empty()), context);
        }
        if (session != null) {
            FieldInjector.injectStatic(context.getRequiredTestClass(), session.handle());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Settings settings = settings(context);
        DockMockLifecycle lifecycle = settings.lifecycle().orElse(DockMockLifecycle.PER_METHOD);
        Session session = lifecycle == DockMockLifecycle.JVM ? jvm(settings) : stored(context).orElse(null);
        if (session == null) {
            if (lifecycle == DockMockLifecycle.PER_CLASS) {
                throw new ExtensionConfigurationException("dockmock: lifecycle PER_CLASS needs the extension in a static "
                        + "@RegisterExtension field (or @TestInstance(PER_CLASS)); an instance field exists once per test");
            }
            session = start(settings, new TestTarget(context.getRequiredTestClass(), context.getTestMethod()), context);
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            FieldInjector.injectInstance(instance, session.handle());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Optional<Session> session = find(context);
        if (session.isPresent()) {
            finish(session.get(), context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Optional<Session> session = find(context);
        if (session.isPresent()) {
            finish(session.get(), context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return Parameters.injects(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = find(context).orElseThrow(() -> new ParameterResolutionException("dockmock: no server runs yet for "
                + parameter.getDeclaringExecutable() + ": a server per test starts before @BeforeEach, so it cannot be given "
                + "to a constructor or @BeforeAll method; use lifecycle PER_CLASS for those"));
        return Parameters.resolve(parameter.getParameter().getType(), session.handle());
    }

    /** Checks what the test (or class) did, and stops a server this context owns when JUnit will not. */
    private void finish(Session session, ExtensionContext context) throws Exception {
        boolean owner = session.owner().equals(context.getUniqueId());
        try {
            Verification.check(session, context, owner);
        } finally {
            if (owner && context.getConfigurationParameter(AUTOCLOSE).filter("false"::equalsIgnoreCase).isPresent()) {
                session.close();
            }
        }
    }

    /** The server for {@code context}: its own or an enclosing context's, else the JVM's when that is the lifecycle. */
    private Optional<Session> find(ExtensionContext context) {
        return stored(context).or(() -> settings(context).lifecycle().filter(l -> l == DockMockLifecycle.JVM)
                .map(l -> JvmDockMock.session()));
    }

    /** A server kept in the store of {@code context} or of a context enclosing it. */
    private Optional<Session> stored(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(namespace()).get(SESSION, Session.class));
    }

    private Session start(Settings settings, TestTarget target, ExtensionContext context) throws Exception {
        Session session = Session.start(settings, target, context.getUniqueId());
        running.add(session);
        session.closeAlso(() -> running.remove(session));
        context.getStore(namespace()).put(SESSION, session);
        return session;
    }

    private static Session jvm(Settings settings) {
        if (settings.mode() != Mode.ENGINE || settings.fixtures().isPresent() || !settings.images().isEmpty()
                || settings.dispatcher().isPresent() || settings.tls()) {
            throw new ExtensionConfigurationException("dockmock: the JVM-wide server runs the engine and is configured "
                    + "only by the system properties dockmock.fixtures and dockmock.images (Testcontainers may start it "
                    + "before any test class is seen); remove mode, fixtures, images and tls, or use PER_CLASS");
        }
        return JvmDockMock.session();
    }

    private ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(DockMockExtension.class, this);
    }

    private Settings settings(ExtensionContext context) {
        if (configured != null) {
            return configured;
        }
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            DockMockTest annotation = c.getAnnotation(DockMockTest.class);
            if (annotation != null) {
                return Settings.from(annotation);
            }
        }
        return Settings.defaults().with(Optional.of(DockMockLifecycle.PER_CLASS), Optional.empty(), List.of());
    }
}
