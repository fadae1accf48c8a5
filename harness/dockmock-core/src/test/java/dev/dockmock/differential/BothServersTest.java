package dev.dockmock.differential;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A differential test class: one real dockerd and one dockmock for all its tests, started before
 * the first ({@link Differential#startOrSkip()} skips the class without a real dockerd) and
 * stopped after the last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BothServersTest {
    /** The two servers the tests run the same commands against. */
    protected Differential servers;

    @BeforeAll
    void startBothServers() throws Exception {
        servers = Differential.startOrSkip();
    }

    @AfterAll
    void stopBothServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }
}
