package dev.dockmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.dockmock.engine.Engine;
import dev.dockmock.junit.kit.Kit;
import dev.dockmock.junit.kit.KitOnly;
import dev.dockmock.junit.kit.RawDocker;
import dev.dockmock.junit.kit.Sightings;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.session.Cassette;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Record mode records a missing cassette through the upstream, then replays it on the next run. */
@Timeout(60)
class RecordModeTest {
    static final Path CASSETTES = Path.of("target", "record-mode-test");
    /** The stand-in for a real daemon the proxy example records; set by the test before it runs the example. */
    static volatile String upstream = "unix:///nonexistent/dockmock/upstream.sock";

    @BeforeEach
    void clean() throws Exception {
        if (Files.exists(CASSETTES)) {
            try (Stream<Path> all = Files.walk(CASSETTES)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void recordsTheEngineWhenTheCassetteIsMissingAndReplaysItAfterwards() throws Exception {
        Sightings.forget("record");
        Kit.run(EngineRecording.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        Path cassette = CASSETTES.resolve("RecordModeTest.EngineRecording/createsAContainer.jsonl");
        assertThat(Cassette.load(cassette).interactions()).extracting(i -> i.request().path())
                .containsExactly("/_ping", "/containers/create");

        Kit.run(EngineRecording.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(Sightings.of("record")).extracting(s -> s.dockmock().mode()).containsExactly(Mode.RECORD, Mode.REPLAY);
        assertThat(Sightings.of("record").get(1).dockmock().replay().orElseThrow().unused()).isEmpty();
    }

    @Test
    void recordsADaemonThroughTheRecordingProxy() throws Exception {
        Path socket = Files.createTempDirectory(Path.of("/tmp"), "dmup").resolve("d.sock");
        try (Engine daemon = Engine.create();
             DockMockServer server = DockMockServer.builder().host("unix://" + socket).dispatcher(daemon.dispatcher()).build().start()) {
            upstream = "unix://" + socket;
            Kit.run(ProxyRecording.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        } finally {
            Files.deleteIfExists(socket.getParent());
        }
        Cassette recorded = Cassette.load(CASSETTES.resolve("RecordModeTest.ProxyRecording/pings.jsonl"));
        assertThat(recorded.header().source()).isEqualTo(upstream);
        assertThat(recorded.interactions()).extracting(i -> i.response().status()).containsExactly(200);
    }

    @Test
    void aDaemonThatDoesNotAnswerFailsTheTestBeforeAnythingIsRecorded() {
        upstream = "unix:///nonexistent/dockmock/upstream.sock";
        Kit.run(ProxyRecording.class).testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                m.startsWith("dockmock: cannot record target/record-mode-test/RecordModeTest.ProxyRecording/pings.jsonl: the upstream daemon "
                        + "unix:///nonexistent/dockmock/upstream.sock does not answer")))));
        assertThat(CASSETTES.resolve("RecordModeTest.ProxyRecording/pings.jsonl")).doesNotExist();
    }

    @KitOnly
    static class EngineRecording {
        @RegisterExtension
        DockMockExtension dockmock = DockMockExtension.builder().mode(Mode.RECORD).upstream("engine").images("alpine:3.20")
                .cassettes(CASSETTES).failOnUnusedInteractions(true).build();

        @Test
        void createsAContainer(DockMock dockmock) {
            Sightings.see("record", "test", dockmock);
            assertThat(RawDocker.get(dockmock, "/_ping").body()).isEqualTo("OK");
            assertThat(RawDocker.post(dockmock, "/containers/create", "{\"Image\":\"alpine:3.20\"}").status()).isEqualTo(201);
        }
    }

    @KitOnly
    static class ProxyRecording {
        @RegisterExtension
        DockMockExtension dockmock = DockMockExtension.builder().mode(Mode.RECORD).upstream(upstream)
                .cassettes(CASSETTES).build();

        @Test
        void pings() {
            assertThat(RawDocker.get(dockmock.dockMock(), "/_ping").body()).isEqualTo("OK");
        }
    }
}
