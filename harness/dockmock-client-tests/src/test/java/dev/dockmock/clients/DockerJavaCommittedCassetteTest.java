package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.clients.DockerJavaSession.Seen;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.testing.ShortDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replays {@code fixtures/sessions/docker-java.jsonl}, recorded from a real dockerd by
 * {@code scripts/record-fixtures}, strictly, runs {@link DockerJavaSession} against it, and
 * requires docker-java to show exactly what it showed against dockerd
 * ({@code docker-java.expected.json}), using every recorded interaction. Needs no daemon.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DockerJavaCommittedCassetteTest {
    @Test
    void dockerJavaSeesWhatItSawAgainstDockerd() throws Exception {
        Cassette cassette = Cassette.load(ClientFixtures.cassette(DockerJavaSession.NAME));
        assertThat(cassette.warnings()).isEmpty();
        Seen expected = ClientFixtures.expected(DockerJavaSession.NAME, Seen.class);
        ReplayDispatcher replay = new ReplayDispatcher(cassette, ReplayOptions.defaults().withMode(ReplayMode.STRICT));
        Seen replayed;
        try (ShortDir sockets = ShortDir.create();
                DockMockServer server = DockMockServer.builder().host(sockets.socket("r.sock"))
                        .options(ServerOptions.defaults().withLog(line -> { })).dispatcher(replay).build().start()) {
            replayed = DockerJavaSession.run(server.boundHosts().get(0).toString());
        }
        assertThat(replayed).as("unmatched: " + replay.unmatched()).isEqualTo(expected);
        assertThat(replay.unmatched()).isEmpty();
        assertThat(replay.unused()).isEmpty();
    }
}
