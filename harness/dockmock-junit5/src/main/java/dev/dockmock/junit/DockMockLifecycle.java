package dev.dockmock.junit;

/** How long one dockmock server lives, and so which tests share it. */
public enum DockMockLifecycle {
    /** One server for the test class (and its {@code @Nested} classes), started before {@code @BeforeAll}. */
    PER_CLASS,
    /** A fresh server for each test, started before {@code @BeforeEach} and stopped after {@code @AfterEach}. */
    PER_METHOD,
    /**
     * The one server of the whole JVM ({@link JvmDockMock}), for clients that cache their
     * connection for the JVM, as Testcontainers does. It runs the engine, configured by system
     * properties only, and stops when the JVM exits.
     */
    JVM
}
