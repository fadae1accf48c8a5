package dev.dockmock.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class driving the real docker CLI against a fresh engine with alpine pulled, served on a
 * unix socket of its own for each test; the CLI is skipped where it is not on the PATH (see
 * {@link ServedDockerCli}).
 */
public abstract class AlpineDockerCliTest {
    protected final EngineCalls engine = EngineCalls.withAlpine();
    protected ServedDockerCli docker;

    @BeforeEach
    void serveTheEngine() throws Exception {
        docker = ServedDockerCli.serve(engine.engine().dispatcher());
    }

    @AfterEach
    void closeTheEngine() throws Exception {
        if (docker != null) {
            docker.close();
        }
        engine.close();
    }

    /** Runs the docker CLI with {@code args}; it must exit 0. */
    protected ServedDockerCli.Result ok(String... args) throws Exception {
        return docker.ok(args);
    }
}
