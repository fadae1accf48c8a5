package dev.dockmock.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Headers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JournalTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-01-02T12:00:00Z"), ZoneOffset.UTC);
    private static final Dispatcher ANSWERS = request -> switch (request.path()) {
        case "/_ping" -> ApiResponse.text(200, "OK");
        case "/containers/create" -> ApiResponse.json(201, "{\"Id\":\"abc\"}");
        case "/containers/abc/stop" -> ApiResponse.empty(204);
        case "/boom" -> throw new DockerException(409, "conflict here");
        default -> ApiResponse.error(404, "No such container: " + request.path());
    };

    private static ApiRequest request(String method, String target) {
        return ApiRequest.of(method, target, Headers.of("User-Agent", "docker-java/3.7.0"), new byte[0],
                new ClientInfo("unix:///tmp/x.sock", "unix", false));
    }

    @Test
    void recordsTimeMethodPathStatusUserAgentAndErrors() {
        Journal journal = new Journal(ANSWERS, 10, NOON);
        journal.dispatch(request("HEAD", "/_ping"));
        journal.dispatch(request("POST", "/v1.44/containers/create?name=x"));
        journal.dispatch(request("GET", "/v1.44/containers/nope/json"));
        journal.dispatch(request("POST", "/boom"));

        assertThat(journal.entries()).extracting(JournalEntry::method, JournalEntry::path, JournalEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("HEAD", "/_ping", 200),
                        org.assertj.core.groups.Tuple.tuple("POST", "/containers/create", 201),
                        org.assertj.core.groups.Tuple.tuple("GET", "/containers/nope/json", 404),
                        org.assertj.core.groups.Tuple.tuple("POST", "/boom", 409));
        JournalEntry create = journal.entries().get(1);
        assertThat(create.target()).isEqualTo("/v1.44/containers/create?name=x");
        assertThat(create.userAgent()).isEqualTo("docker-java/3.7.0");
        assertThat(create.listener()).isEqualTo("unix:///tmp/x.sock");
        assertThat(create.time()).isEqualTo(NOON.instant());
        assertThat(create.error()).isEmpty();
        assertThat(journal.entries().get(2).error()).contains("No such container: /containers/nope/json");
        assertThat(journal.entries().get(3).error()).contains("conflict here");
        assertThat(create.describe()).isEqualTo("#2 POST /v1.44/containers/create?name=x -> 201 at 12:00:00.000Z by docker-java/3.7.0");
    }

    @Test
    void keepsOnlyTheNewestEntriesWithinItsCapacity() {
        Journal journal = new Journal(ANSWERS, 3, NOON);
        for (int i = 0; i < 5; i++) {
            journal.dispatch(request("HEAD", "/_ping"));
        }
        assertThat(journal.entries()).extracting(JournalEntry::sequence).containsExactly(3L, 4L, 5L);
        assertThat(journal.total()).isEqualTo(5);
        assertThat(journal.dropped()).isEqualTo(2);
        journal.clear();
        assertThat(journal.entries()).isEmpty();
        assertThat(journal.total()).isZero();
    }

    @Test
    void patternsMatchUnversionedPathsWithParametersAndStatus() {
        Journal journal = new Journal(ANSWERS, 10, NOON);
        journal.dispatch(request("POST", "/v1.44/containers/abc/stop"));
        journal.dispatch(request("GET", "/images/testcontainers/ryuk:0.11.0/json"));

        assertThat(journal.count(RequestPattern.of("POST", "/containers/{id}/stop"))).isEqualTo(1);
        assertThat(journal.count(RequestPattern.of("post", "/containers/{id}/stop").withStatus(204))).isEqualTo(1);
        assertThat(journal.count(RequestPattern.of("POST", "/containers/{id}/stop").withStatus(500))).isZero();
        assertThat(journal.count(RequestPattern.of("*", "/images/{name*}/json"))).isEqualTo(1);
        journal.verify(1, RequestPattern.of("POST", "/containers/{id}/stop"));
        journal.verifyNever(RequestPattern.of("DELETE", "/containers/{id}"));
    }

    @Test
    void aFailedVerificationSaysWhatWasExpectedWhatCameAndTheNearestRequest() {
        Journal journal = new Journal(ANSWERS, 10, NOON);
        journal.dispatch(request("HEAD", "/_ping"));
        journal.dispatch(request("POST", "/v1.44/containers/abc/stop"));

        assertThatThrownBy(() -> journal.verify(1, RequestPattern.of("POST", "/containers/{id}/start")))
                .isInstanceOf(JournalVerificationError.class)
                .hasMessage("""
                        dockmock: expected POST /containers/{id}/start to be requested exactly 1 time, but it was requested never.
                        Nearest request: #2 POST /v1.44/containers/abc/stop -> 204 at 12:00:00.000Z by docker-java/3.7.0
                          which differs in path segment 3 "stop" where "start" was expected
                        Requests received (2):
                          #1 HEAD /_ping -> 200 at 12:00:00.000Z by docker-java/3.7.0
                          #2 POST /v1.44/containers/abc/stop -> 204 at 12:00:00.000Z by docker-java/3.7.0""");
    }

    @Test
    void tooManyMatchesAreListed() {
        Journal journal = new Journal(ANSWERS, 10, NOON);
        journal.dispatch(request("HEAD", "/_ping"));
        journal.dispatch(request("HEAD", "/_ping"));

        assertThatThrownBy(() -> journal.verifyNever(RequestPattern.of("HEAD", "/_ping")))
                .hasMessageStartingWith("dockmock: expected HEAD /_ping to be requested never, but it was requested 2 times.\n"
                        + "Matching requests:\n  #1 HEAD /_ping -> 200");
        assertThatThrownBy(() -> new Journal(ANSWERS, 10, NOON).verify(RequestPattern.of("GET", "/info")))
                .hasMessage("dockmock: expected GET /info to be requested at least 1 time, but it was requested never.\n"
                        + "No requests were received.");
    }

    @Test
    void expectationsDescribeThemselves() {
        assertThat(Expectation.exactly(0).describe()).isEqualTo("never");
        assertThat(Expectation.atLeast(2).describe()).isEqualTo("at least 2 times");
        assertThat(Expectation.atMost(1).describe()).isEqualTo("at most 1 time");
        assertThat(new Expectation(1, 3).describe()).isEqualTo("between 1 and 3 times");
        assertThatThrownBy(() -> new Expectation(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
