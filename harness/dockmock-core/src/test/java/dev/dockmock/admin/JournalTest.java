package dev.dockmock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.faults.RequestMatch;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The journal stays bounded, cuts long bodies, and times streams to their end. */
class JournalTest {

    @Test
    void keepsTheLastRequestsOnlyWithShortenedBodies() {
        Journal journal = new Journal(Clock.systemUTC(), 3, 4);
        JournalingDispatcher dispatcher = new JournalingDispatcher(journal, r -> ApiResponse.text(200, "ok"));
        for (int i = 1; i <= 5; i++) {
            dispatcher.dispatch(ApiRequest.of("POST", "/n/" + i, Headers.empty(), "0123456789".getBytes(), ClientInfo.inMemory()));
        }
        assertThat(journal.entries()).extracting(e -> e.request().path()).containsExactly("/n/3", "/n/4", "/n/5");
        assertThat(journal.entries()).allSatisfy(e -> assertThat(e.request().body()).hasSize(4));
        assertThat(journal.entries().get(2).seq()).isEqualTo(5);
        assertThat(journal.count(RequestMatch.of("POST", "/n/{i}"))).isEqualTo(3);
    }

    @Test
    void aStreamIsRunningUntilItEnds() throws Exception {
        Journal journal = Journal.defaults();
        JournalingDispatcher dispatcher = new JournalingDispatcher(journal,
                r -> ApiResponse.streamed(200, "application/json", sink -> sink.send("{}".getBytes())));
        ApiResponse response = dispatcher.dispatch(ApiRequest.of("GET", "/events"));
        assertThat(journal.entries().get(0).duration()).isNull();
        ((ResponseBody.Streamed) response.body()).writer().writeTo(new dev.dockmock.protocol.StreamSink() {
            public void send(byte[] message) {
            }

            public boolean isOpen() {
                return true;
            }
        });
        assertThat(journal.entries().get(0).duration()).isNotNull();
        assertThat(journal.entries().get(0).document()).containsEntry("running", false);
    }
}
