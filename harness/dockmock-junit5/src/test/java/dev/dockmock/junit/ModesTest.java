package dev.dockmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.dockmock.junit.kit.Kit;
import dev.dockmock.junit.kit.KitOnly;
import dev.dockmock.junit.kit.RawDocker;
import dev.dockmock.protocol.ApiResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stubs and custom dispatchers, faults, and the messages for what cannot work. */
@Timeout(60)
class ModesTest {

    @RegisterExtension
    DockMockExtension custom = DockMockExtension.builder()
            .dispatcher(target -> request -> ApiResponse.json(200, "{\"for\":\"" + target.describe() + "\"}")).build();

    @Test
    void aDispatcherOfYourOwnAnswersInStubsMode(DockMock dockmock) {
        assertThat(dockmock.mode()).isEqualTo(Mode.STUBS);
        assertThat(RawDocker.get(dockmock, "/anything").body())
                .isEqualTo("{\"for\":\"ModesTest#aDispatcherOfYourOwnAnswersInStubsMode\"}");
        assertThatThrownBy(dockmock::engine).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no engine answers in STUBS mode");
    }

    @Test
    void faultsFailAndDelayMatchingRequestsOnly(DockMock dockmock) {
        dockmock.faults().failNext(2, "GET", "/containers/{id}/json", 503, "try later")
                .delay("*", "/version", Duration.ofMillis(200));
        assertThat(RawDocker.get(dockmock, "/v1.44/containers/x/json").status()).isEqualTo(503);
        assertThat(RawDocker.get(dockmock, "/containers/x/json").body()).isEqualTo("{\"message\":\"try later\"}");
        assertThat(RawDocker.get(dockmock, "/containers/x/json").status()).isEqualTo(200);
        long start = System.nanoTime();
        assertThat(RawDocker.get(dockmock, "/version").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        dockmock.faults().clear();
        dockmock.verify(3, "GET", "/containers/{id}/json");
        assertThatThrownBy(() -> dockmock.faults().fail("GET", "/x", 200, "fine")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transportFaultsAreTheCoresFaultRules(DockMock dockmock) {
        dockmock.faults().transportNext("GET", "/info", new dev.dockmock.protocol.TransportFault.ConnectionReset());
        // no status line comes back: the raw client fails to read one
        assertThatThrownBy(() -> RawDocker.get(dockmock, "/info")).isInstanceOf(RuntimeException.class);
        assertThat(RawDocker.get(dockmock, "/info").status()).isEqualTo(200);
        assertThat(dockmock.faults().rules().list()).singleElement().satisfies(status -> {
            assertThat(status.applied()).isEqualTo(1);
            assertThat(status.remaining()).isZero();
        });
    }

    @Test
    void stubsModeWithoutAStubModuleSaysWhatToDo() {
        Kit.run(StubsWithoutModule.class).containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                m.startsWith("dockmock: mode STUBS needs a stub module on the test classpath")
                        && m.contains("DockMockExtension.builder().dispatcher(target -> ...)")))));
    }

    @Test
    void aMissingCassetteSaysWhereItWasLookedForAndHowToRecordIt() {
        Kit.run(MissingCassette.class).containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                m.startsWith("dockmock: no cassette for ModesTest.MissingCassette to replay: looked for "
                        + Path.of("src/test/resources/cassettes/ModesTest.MissingCassette.jsonl").toAbsolutePath()
                        + " and on the classpath as cassettes/ModesTest.MissingCassette.jsonl. Record it with mode RECORD")))));
    }

    @Test
    void theJvmWideServerRefusesSettingsItCannotHonour() {
        Kit.run(JvmReplay.class).containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                m.startsWith("dockmock: the JVM-wide server runs the engine and is configured only by the system properties")))));
    }

    @Test
    void finalFieldsAreNotSetSilently() {
        Kit.run(FinalField.class).testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                m.startsWith("dockmock cannot set the final field")))));
    }

    @Test
    void cassettesAreNamedAfterTheClassAndMethodAndFoundOnTheClasspath() throws Exception {
        TestTarget method = new TestTarget(ModesTest.class, Optional.of(ModesTest.class.getDeclaredMethod("finalFieldsAreNotSetSilently")));
        assertThat(Cassettes.defaultName(method)).isEqualTo("ModesTest/finalFieldsAreNotSetSilently.jsonl");
        assertThat(Cassettes.defaultName(new TestTarget(Inner.class, Optional.empty()))).isEqualTo("ModesTest.Inner.jsonl");
        assertThat(Cassettes.resourceName(Path.of("src/test/resources/cassettes/A/b.jsonl"))).contains("cassettes/A/b.jsonl");
        assertThat(Cassettes.resourceName(Path.of("target/cassettes/A/b.jsonl"))).isEmpty();
    }

    static class Inner {
    }

    @KitOnly
    @DockMockTest(mode = Mode.STUBS)
    static class StubsWithoutModule {
        @Test
        void neverRuns() {
        }
    }

    @KitOnly
    @DockMockTest(mode = Mode.REPLAY)
    static class MissingCassette {
        @Test
        void neverRuns() {
        }
    }

    @KitOnly
    @DockMockTest(mode = Mode.REPLAY, lifecycle = DockMockLifecycle.JVM)
    static class JvmReplay {
        @Test
        void neverRuns() {
        }
    }

    @KitOnly
    @DockMockTest(lifecycle = DockMockLifecycle.PER_METHOD)
    static class FinalField {
        final DockMock dockmock = null;

        @Test
        void neverRuns() {
        }
    }
}
