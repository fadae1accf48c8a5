package dev.dockmock.replay;

import static dev.dockmock.replay.Cassettes.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.HijackEvent;
import dev.dockmock.session.RecordedBody;
import dev.dockmock.session.RecordedResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ConversationReplayTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Cassette exec() {
        RecordedResponse conversation = new RecordedResponse(101, Headers.of("Content-Type", "application/vnd.docker.raw-stream"), 0,
                new RecordedBody.Conversation(true, List.of(
                        HijackEvent.out(5, utf8("$ ")),
                        HijackEvent.in(10, utf8("ls\n")),
                        HijackEvent.out(20, utf8("bin etc\n$ ")),
                        HijackEvent.inEof(30),
                        HijackEvent.out(40, utf8("exit\n")),
                        HijackEvent.outEof(41))));
        return Cassettes.builder().add("POST", "/exec/e1/start", "{\"Tty\":true}", conversation).build();
    }

    private static Thread play(ReplayDispatcher replay, FakeHijack client) {
        ApiResponse response = replay.dispatch(request("POST", "/v1.50/exec/e1/start", "{\"Tty\":true}"));
        assertThat(response.status()).isEqualTo(200);
        Thread thread = new Thread(() -> {
            try {
                ((ResponseBody.Hijacked) response.body()).handler().run(client);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void outputWaitsForTheRecordedStdinAndHalfClose() throws Exception {
        FakeHijack client = new FakeHijack();
        Thread replay = play(new ReplayDispatcher(exec()), client);

        client.awaitReceived("$ ", 5000);
        Thread.sleep(100);
        assertThat(client.received()).as("nothing more before stdin arrives").isEqualTo("$ ");
        client.send("l");
        Thread.sleep(100);
        assertThat(client.received()).as("three bytes were recorded, one came").isEqualTo("$ ");
        client.send("s\n");
        client.awaitReceived("$ bin etc\n$ ", 5000);
        Thread.sleep(100);
        assertThat(client.received()).as("waits for the half-close").isEqualTo("$ bin etc\n$ ");
        client.halfClose();
        replay.join(5000);

        assertThat(client.received()).isEqualTo("$ bin etc\n$ exit\n");
        assertThat(client.outputClosed()).isTrue();
    }

    @Test
    void aClientThatSendsNothingIsWaitedForOnlyUpToTheTimeout() throws Exception {
        FakeHijack client = new FakeHijack();
        ReplayDispatcher replay = new ReplayDispatcher(exec(), ReplayOptions.defaults().withStdinTimeout(Duration.ofMillis(200)));
        long start = System.nanoTime();

        play(replay, client).join(5000);

        assertThat(client.received()).isEqualTo("$ bin etc\n$ exit\n");
        assertThat(client.outputClosed()).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(350L, 4000L);
    }

    @Test
    void pacedOutputKeepsItsOffsets() throws Exception {
        FakeTicker ticker = new FakeTicker();
        FakeHijack client = new FakeHijack();
        client.send("ls\n");
        client.halfClose();
        ReplayDispatcher replay = new ReplayDispatcher(exec(), ReplayOptions.defaults().withPace(Pace.recorded()), ticker);

        play(replay, client).join(5000);

        assertThat(client.received()).isEqualTo("$ bin etc\n$ exit\n");
        assertThat(ticker.millis()).isEqualTo(41);
        assertThat(ticker.sleeps()).containsExactly(5L, 15L, 20L, 1L);
    }
}
