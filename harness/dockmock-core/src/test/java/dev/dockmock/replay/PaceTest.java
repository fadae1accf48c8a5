package dev.dockmock.replay;

import static dev.dockmock.replay.Cassettes.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.protocol.StreamSink;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.RecordedBody;
import dev.dockmock.session.RecordedResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaceTest {

    private static Cassette logs() {
        RecordedResponse stream = new RecordedResponse(200, Headers.of("Content-Type", "application/json"), 40,
                new RecordedBody.Stream(List.of(new RecordedBody.Chunk(100, "a".getBytes(StandardCharsets.UTF_8)),
                        new RecordedBody.Chunk(250, "b".getBytes(StandardCharsets.UTF_8))), true));
        return Cassettes.builder().add("GET", "/events", "", stream).build();
    }

    /** Replays the stream and gives the fake time at which each chunk was sent, and the head's latency. */
    private static List<Long> replay(Pace pace, FakeTicker ticker) throws Exception {
        ReplayDispatcher replay = new ReplayDispatcher(logs(), ReplayOptions.defaults().withPace(pace), ticker);
        ApiResponse response = replay.dispatch(request("GET", "/events", ""));
        List<Long> times = new ArrayList<>();
        times.add(ticker.millis());
        ((ResponseBody.Streamed) response.body()).writer().writeTo(new StreamSink() {
            @Override
            public void send(byte[] message) {
                times.add(ticker.millis());
            }

            @Override
            public boolean isOpen() {
                return true;
            }
        });
        return times;
    }

    @Test
    void instantNeverWaits() throws Exception {
        FakeTicker ticker = new FakeTicker();

        assertThat(replay(Pace.instant(), ticker)).containsExactly(0L, 0L, 0L);
        assertThat(ticker.sleeps()).isEmpty();
    }

    @Test
    void recordedKeepsTheLatencyAndTheGapsBetweenChunks() throws Exception {
        FakeTicker ticker = new FakeTicker();

        assertThat(replay(Pace.recorded(), ticker)).containsExactly(40L, 100L, 250L);
        assertThat(ticker.sleeps()).containsExactly(40L, 60L, 150L);
    }

    @Test
    void scaledMultipliesEveryGap() throws Exception {
        assertThat(replay(Pace.scaled(0.5), new FakeTicker())).containsExactly(20L, 50L, 125L);
        assertThat(replay(Pace.scaled(2), new FakeTicker())).containsExactly(80L, 200L, 500L);
    }

    @Test
    void realTimeIsHonouredToo() throws Exception {
        ReplayDispatcher replay = new ReplayDispatcher(logs(), ReplayOptions.defaults().withPace(Pace.scaled(0.2)));
        long start = System.nanoTime();
        ApiResponse response = replay.dispatch(request("GET", "/events", ""));
        ((ResponseBody.Streamed) response.body()).writer().writeTo(new StreamSink() {
            @Override
            public void send(byte[] message) {
            }

            @Override
            public boolean isOpen() {
                return true;
            }
        });

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(50);
    }
}
