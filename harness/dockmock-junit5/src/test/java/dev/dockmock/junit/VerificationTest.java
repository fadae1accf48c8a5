package dev.dockmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.dockmock.journal.JournalVerificationError;
import dev.dockmock.junit.kit.Kit;
import dev.dockmock.junit.kit.KitOnly;
import dev.dockmock.junit.kit.RawDocker;
import dev.dockmock.replay.UnusedInteractionsError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Failed verifications fail the test, with messages that say what was expected, what came and what was nearest. */
@Timeout(60)
class VerificationTest {

    @Test
    void aFailedJournalVerificationFailsTheTestWithTheNearestRequest() {
        Kit.run(JournalExample.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(1))
                .assertThatEvents().haveExactly(1, event(test("expectsAStartThatNeverCame"), finishedWithFailure(
                        instanceOf(JournalVerificationError.class),
                        message(m -> m.startsWith("dockmock: expected POST /containers/{id}/start to be requested exactly 1 time, "
                                + "but it was requested never.\nNearest request: #2 POST /containers/abc123/stop -> 404 "
                                + "\"No such container: abc123\"")
                                && m.contains("which differs in path segment 3 \"stop\" where \"start\" was expected")
                                && m.contains("Requests received (2):\n  #1 GET /_ping -> 200")))));
    }

    @Test
    void aRequestThatMatchedNothingFailsTheTestAfterItRan() {
        EngineExecutionResults results = Kit.run(UnmatchedExample.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1))
                .assertThatEvents().haveExactly(1, event(test("asksForARouteTheEngineLacks"), finishedWithFailure(
                        instanceOf(AssertionError.class),
                        message(m -> m.startsWith("dockmock: 1 request during UnmatchedExample#asksForARouteTheEngineLacks "
                                + "matched nothing (failOnUnmatchedRequests is on):\n"
                                + "  GET /no/such/route -> 404 \"page not found\": nothing has a route for it")))));
    }

    @Test
    void unmatchedRequestsAreToleratedWhenSwitchedOff() {
        Kit.run(UnmatchedToleratedExample.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void aReplayMissFailsTheTestWithTheReplaysNearMiss() {
        Kit.run(ReplayMissExample.class).testEvents().assertStatistics(s -> s.failed(1))
                .assertThatEvents().haveExactly(1, event(test("asksForAnotherImage"), finishedWithFailure(message(m ->
                        m.contains("matched nothing (failOnUnmatchedRequests is on):\n  dockmock replay: no recorded interaction "
                                + "for GET /images/other:2/json; nearest is #")))));
    }

    @Test
    void unusedRecordedInteractionsFailWhenAskedAndOnlyThen() {
        Kit.run(UnusedExample.class).testEvents().assertStatistics(s -> s.failed(1))
                .assertThatEvents().haveExactly(1, event(test("asksOnlyForThePing"), finishedWithFailure(
                        instanceOf(UnusedInteractionsError.class),
                        message("dockmock replay: 1 recorded interaction was never requested:\n"
                                + "  #2 GET /images/no-such-image:1/json"))));
        Kit.run(UnusedToleratedExample.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void unusedInteractionsOfAClassWideCassetteFailTheClass() {
        EngineExecutionResults results = Kit.run(UnusedPerClassExample.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(UnusedInteractionsError.class), message(m -> m.contains("recorded interaction")))));
    }

    @KitOnly
    @DockMockTest(lifecycle = DockMockLifecycle.PER_METHOD)
    static class JournalExample {
        @Test
        void expectsAStartThatNeverCame(DockMock dockmock) {
            RawDocker.get(dockmock, "/_ping");
            RawDocker.post(dockmock, "/containers/abc123/stop", "");
            dockmock.verify(1, "POST", "/containers/{id}/start");
        }

        @Test
        void expectsWhatCame(DockMock dockmock) {
            RawDocker.get(dockmock, "/v1.44/version");
            dockmock.verify(1, "GET", "/version");
        }
    }

    @KitOnly
    @DockMockTest
    static class UnmatchedExample {
        @Test
        void asksForARouteTheEngineLacks(DockMock dockmock) {
            RawDocker.get(dockmock, "/_ping");
            assertThat(RawDocker.get(dockmock, "/no/such/route").status()).isEqualTo(404);
            dockmock.journal().clear();
        }

        @Test
        void asksOnlyForKnownRoutes(DockMock dockmock) {
            assertThat(RawDocker.get(dockmock, "/containers/nope/json").status()).isEqualTo(404);
        }
    }

    @KitOnly
    @DockMockTest(failOnUnmatchedRequests = false)
    static class UnmatchedToleratedExample {
        @Test
        void asksForARouteTheEngineLacks(DockMock dockmock) {
            assertThat(RawDocker.get(dockmock, "/no/such/route").status()).isEqualTo(404);
        }
    }

    @KitOnly
    @DockMockTest(mode = Mode.REPLAY, cassette = "ReplaySampleTest/reportsAMissingImage.jsonl")
    static class ReplayMissExample {
        @Test
        void asksForAnotherImage(DockMock dockmock) {
            assertThat(RawDocker.get(dockmock, "/images/other:2/json").status()).isEqualTo(400);
        }
    }

    @KitOnly
    @DockMockTest(mode = Mode.REPLAY, lifecycle = DockMockLifecycle.PER_METHOD,
            cassette = "ReplaySampleTest/reportsAMissingImage.jsonl", failOnUnusedInteractions = true)
    static class UnusedExample {
        @Test
        void asksOnlyForThePing(DockMock dockmock) {
            assertThat(RawDocker.get(dockmock, "/_ping").body()).isEqualTo("OK");
        }
    }

    @KitOnly
    @DockMockTest(mode = Mode.REPLAY, lifecycle = DockMockLifecycle.PER_METHOD,
            cassette = "ReplaySampleTest/reportsAMissingImage.jsonl")
    static class UnusedToleratedExample {
        @Test
        void asksOnlyForThePing(DockMock dockmock) {
            assertThat(RawDocker.get(dockmock, "/_ping").body()).isEqualTo("OK");
        }
    }

    @KitOnly
    @DockMockTest(mode = Mode.REPLAY, cassette = "ReplaySampleTest/reportsAMissingImage.jsonl", failOnUnusedInteractions = true)
    static class UnusedPerClassExample {
        @Test
        void asksOnlyForThePing(DockMock dockmock) {
            assertThat(RawDocker.get(dockmock, "/_ping").body()).isEqualTo("OK");
        }
    }
}
