package dev.dockmock.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class driving the docker CLI against a fresh {@link ControlledServer} (engine, journal,
 * fault rules and admin API) for each test; skipped where the CLI is not installed.
 */
public abstract class ControlledCliTest {
    /** The CLI's home for this test. */
    @TempDir
    protected Path home;
    /** The server under test. */
    protected ControlledServer dockmock;
    /** The docker CLI pointed at it. */
    protected DockerCli docker;

    @BeforeEach
    void startControlledServer() throws Exception {
        assumeTrue(DockerCli.available(), "needs the docker CLI");
        dockmock = ControlledServer.start();
        docker = dockmock.cli(home);
    }

    @AfterEach
    void stopControlledServer() {
        if (dockmock != null) {
            dockmock.close();
        }
    }
}
