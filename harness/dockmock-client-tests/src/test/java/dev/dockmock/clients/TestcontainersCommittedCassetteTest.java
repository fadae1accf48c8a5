package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.clients.TestcontainersSession.Seen;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replays {@code fixtures/sessions/testcontainers.jsonl}, recorded from a real dockerd by
 * {@code scripts/record-fixtures}, on {@code DOCKER_HOST}, runs {@link TestcontainersSession}
 * against it, and requires Testcontainers to show what it showed against dockerd
 * ({@code testcontainers.expected.json}). Needs no daemon; runs in the
 * {@code testcontainers-real-dockerd} surefire execution for its environment (Ryuk off, host
 * override, the fixed socket).
 *
 * <p>Lenient, with the per-JVM session id label left out of the comparison. If another
 * Testcontainers session ran first in this JVM, Testcontainers does not ask again what it asks
 * once per JVM; only those may stay unused.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestcontainersCommittedCassetteTest {
    @Test
    void testcontainersSeesWhatItSawAgainstDockerd() throws Exception {
        String socketPath = System.getProperty("dockmock.tcrec.socket");
        assumeTrue(ClientFixtures.inTestcontainersExecution(),
                "runs in the testcontainers-real-dockerd surefire execution");
        Path socket = Path.of(socketPath);
        assertThat(System.getenv("DOCKER_HOST")).isEqualTo("unix://" + socket);

        Cassette cassette = Cassette.load(ClientFixtures.cassette(TestcontainersSession.NAME));
        assertThat(cassette.warnings()).isEmpty();
        Seen expected = ClientFixtures.expected(TestcontainersSession.NAME, Seen.class);
        ReplayDispatcher replay = new ReplayDispatcher(cassette, ReplayOptions.defaults().withMode(ReplayMode.LENIENT)
                .withIgnoredBodyFields(TestcontainersSession.SESSION_ID_LABEL));
        Seen replayed;
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        try (DockMockServer server = DockMockServer.builder().host("unix://" + socket)
                .options(ServerOptions.defaults().withLog(line -> { })).dispatcher(replay).build().start()) {
            replayed = TestcontainersSession.run();
        } catch (RuntimeException e) {
            throw new AssertionError("replay failed; unmatched: " + replay.unmatched(), e);
        }
        assertThat(replay.unmatched()).isEmpty();
        assertThat(replayed).isEqualTo(expected);
        assertThat(replay.unused()).extracting(i -> i.request().path())
                .allMatch(path -> TestcontainersSession.ONCE_PER_JVM.contains(path), "only what Testcontainers asks once per JVM");
    }
}
