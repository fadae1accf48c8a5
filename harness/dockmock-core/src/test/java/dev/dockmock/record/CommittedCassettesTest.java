package dev.dockmock.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.testing.CliSession;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.ShortDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the cassettes committed in {@code fixtures/sessions} valid: each {@code NAME.jsonl},
 * recorded from a real dockerd by {@code scripts/record-fixtures}, is replayed in strict mode and
 * the commands of {@code NAME.session} run against it must do exactly what they did against
 * dockerd ({@code NAME.expected}), using every recorded interaction. Needs no daemon, only the
 * docker CLI.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommittedCassettesTest {
    @TempDir
    Path home;

    static Stream<String> sessions() throws IOException {
        Path dir = CliSession.fixturesDir().orElseThrow(() -> new IllegalStateException("fixtures/sessions not found"));
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".session"))
                    .map(n -> n.substring(0, n.length() - ".session".length())).sorted().toList().stream();
        }
    }

    @Test
    void everySessionHasItsCassetteAndTranscript() throws IOException {
        Path dir = CliSession.fixturesDir().orElseThrow();
        List<String> names = sessions().toList();
        assertThat(names).contains("docker-cli");
        for (String name : names) {
            Cassette cassette = Cassette.load(dir.resolve(name + ".jsonl"));
            assertThat(cassette.warnings()).as(name).isEmpty();
            assertThat(CliSession.readTranscript(dir.resolve(name + ".expected")))
                    .as(name + ".expected has a line per command")
                    .hasSameSizeAs(CliSession.load(dir.resolve(name + ".session")).commands());
        }
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void commandsDoWhatTheyDidAgainstDockerd(String name) throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        Path dir = CliSession.fixturesDir().orElseThrow();
        CliSession session = CliSession.load(dir.resolve(name + ".session"));
        List<DockerCli.Result> expected = CliSession.readTranscript(dir.resolve(name + ".expected"));
        ReplayDispatcher replay = new ReplayDispatcher(Cassette.load(dir.resolve(name + ".jsonl")),
                ReplayOptions.defaults().withMode(ReplayMode.STRICT));
        try (ShortDir sockets = ShortDir.create();
                DockMockServer server = DockMockServer.builder().host(sockets.socket("r.sock"))
                        .options(ServerOptions.defaults().withLog(line -> { })).dispatcher(replay).build().start()) {
            DockerCli docker = DockerCli.withHome(home, Duration.ofSeconds(30)).host(server.boundHosts().get(0).toString());
            for (int i = 0; i < session.commands().size(); i++) {
                CliSession.Command command = session.commands().get(i);
                DockerCli.Result replayed = CliSession.run(docker, command);
                String context = name + ": " + command + "\nagainst dockerd: " + expected.get(i)
                        + "\nreplayed: " + replayed + "\nunmatched: " + replay.unmatched();
                assertThat(replayed.exitCode()).as(context).isEqualTo(expected.get(i).exitCode());
                assertThat(replayed.stdout()).as(context).isEqualTo(expected.get(i).stdout());
                assertThat(replayed.stderr()).as(context).isEqualTo(expected.get(i).stderr());
            }
            assertThat(replay.unmatched()).isEmpty();
            assertThat(replay.unused()).isEmpty();
        }
    }

    @Test
    void aChangedCommandIsToldWhichFieldDiffers() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        Path dir = CliSession.fixturesDir().orElseThrow();
        ReplayDispatcher replay = new ReplayDispatcher(Cassette.load(dir.resolve("docker-cli.jsonl")), ReplayOptions.defaults());
        try (ShortDir sockets = ShortDir.create();
                DockMockServer server = DockMockServer.builder().host(sockets.socket("r.sock"))
                        .options(ServerOptions.defaults().withLog(line -> { })).dispatcher(replay).build().start()) {
            DockerCli.Result changed = DockerCli.withHome(home, Duration.ofSeconds(30)).host(server.boundHosts().get(0).toString())
                    .run("run", "--rm", "--network", "none", "alpine:3.19", "echo", "hi");

            assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(125);
            assertThat(changed.stderr()).as(changed.toString()).contains(
                    "Error response from daemon: dockmock replay: no recorded interaction for POST /containers/create;",
                    "nearest is #", "which differs in body field Image: recorded \"alpine\", got \"alpine:3.19\"");
        }
    }
}
