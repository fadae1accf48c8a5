package dev.dockmock.junit;

import java.util.Optional;

/**
 * The JVM's one shared dockmock: started on first use, stopped when the JVM exits. It is for
 * clients that keep their connection for the whole JVM (Testcontainers caches its Docker client
 * in a static field), so one server must outlive every test class. It runs the engine, configured
 * by the system properties {@code dockmock.fixtures} (a fixtures directory) and
 * {@code dockmock.images} (comma-separated images present at start).
 *
 * <p>{@code @DockMockTest(lifecycle = JVM)} injects this same server, and so does the
 * Testcontainers strategy in {@code dev.dockmock.junit.testcontainers}: a test can check the journal
 * of what Testcontainers asked. This is the only state the extension keeps outside JUnit's stores,
 * and it is set once.
 */
public final class JvmDockMock {

    private JvmDockMock() {
    }

    /**
     * The shared server, started by this call when it is the first.
     *
     * @throws IllegalStateException when it could not be started (every later call fails alike)
     */
    public static DockMock get() {
        return session().handle();
    }

    static Session session() {
        if (Holder.SESSION.isEmpty()) {
            throw new IllegalStateException("dockmock: the JVM-wide server could not be started: " + Holder.FAILURE,
                    Holder.FAILURE);
        }
        return Holder.SESSION.get();
    }

    /** Initialised by the JVM on first use, exactly once, under the class-initialisation lock. */
    private static final class Holder {
        static final Exception FAILURE;
        static final Optional<Session> SESSION;

        static {
            Session started = null;
            Exception failure = null;
            try {
                started = Session.start(Settings.jvm(), new TestTarget(JvmDockMock.class, Optional.empty()), "jvm");
                Session stop = started;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        stop.close();
                    } catch (Exception e) {
                        // the JVM is exiting; nothing is left to tell
                    }
                }, "dockmock-jvm-shutdown"));
            } catch (Exception e) {
                failure = e;
            }
            SESSION = Optional.ofNullable(started);
            FAILURE = failure;
        }
    }
}
