package dev.dockmock.junit;

import dev.dockmock.replay.ReplayMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a dockmock server for the annotated test class: the declarative form of
 * {@link DockMockExtension}. Tests take a {@link DockMock} as a parameter (or in a field of that
 * type) and point their Docker clients at {@link DockMock#dockerHost()}.
 *
 * <pre>{@code
 * @DockMockTest(images = "alpine:3.20")
 * class MyTest {
 *     @Test
 *     void runs(DockMock dockmock, DockerClient docker) {   // DockerClient when docker-java is present
 *         ...
 *         dockmock.verify(1, "POST", "/containers/{id}/start");
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockMockExtension.class)
public @interface DockMockTest {

    /** What answers: the engine (default), a cassette, a recording, stubs. */
    Mode mode() default Mode.ENGINE;

    /** Which tests share a server: the class (default), each test, or the whole JVM. */
    DockMockLifecycle lifecycle() default DockMockLifecycle.PER_CLASS;

    /**
     * Engine fixtures: a directory (relative to the working directory, as Maven and Gradle run
     * tests from the module) or a classpath directory; see {@code docs/fixtures.md}. Empty: the
     * built-in catalogue only.
     */
    String fixtures() default "";

    /** Images present when the engine starts, as if pulled before: {@code alpine:3.20}. */
    String[] images() default {};

    /**
     * The cassette for {@link Mode#REPLAY} and {@link Mode#RECORD}, relative to
     * {@link #cassettes()}. Empty: {@code <Class>/<method>.jsonl} for a server per test,
     * {@code <Class>.jsonl} for a server per class.
     */
    String cassette() default "";

    /**
     * Where cassettes live. Replay also looks on the classpath under {@code cassettes/} when the
     * file is not found here; recording always writes here.
     */
    String cassettes() default "src/test/resources/cassettes";

    /**
     * Where {@link Mode#STUBS} finds its stubs: the directory {@code <stubs>/<Class>} (or that path
     * on the classpath, below {@code src/test/resources}) is the stub module's root; for
     * {@code dockmock-wiremock}, a WireMock root with {@code mappings/} and {@code __files/}.
     * Requests no stub matches fall through to the engine, seeded from {@link #fixtures()} and
     * {@link #images()}.
     */
    String stubs() default "src/test/resources/stubs";

    /**
     * The daemon {@link Mode#RECORD} records, as a host string; {@code engine} records the fake
     * engine. Empty: the system property {@code dockmock.upstream}, else {@code DOCKER_HOST}, else
     * {@code unix:///var/run/docker.sock}.
     */
    String upstream() default "";

    /** Ordering when replaying: lenient (default) or strict. */
    ReplayMode replayMode() default ReplayMode.LENIENT;

    /**
     * Fail a test when a request it made matched nothing: a route the engine does not have
     * ({@code 404 page not found}), or a request absent from the cassette.
     */
    boolean failOnUnmatchedRequests() default true;

    /** Fail when recorded interactions were never requested (checked when the server stops). */
    boolean failOnUnusedInteractions() default false;

    /** Listen on {@code tcp://127.0.0.1:<free port>} as well as the unix socket. */
    boolean tcp() default true;

    /**
     * Serve tcp with TLS and client certificates from a throw-away CA, as {@code dockerd
     * --tlsverify} does; {@link DockMock#tls()} gives the files. Implies {@link #tcp()}.
     */
    boolean tls() default false;
}
