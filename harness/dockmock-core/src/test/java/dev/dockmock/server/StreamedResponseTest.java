package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Route;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Streamed answers arrive chunk by chunk as they are sent, and the connection lives on. */
@Timeout(30)
class StreamedResponseTest {

    /**
     * {@code GET /events}: sends three messages; message {@code i} waits until the test lets it go
     * ({@code gates[i]}), so a test can prove each chunk arrives before the next is written.
     */
    static Route gatedEvents(CountDownLatch[] gates) {
        return Route.of("GET", "/events", (request, params) -> ApiResponse.streamed(200, "application/json", sink -> {
            for (int i = 0; i < gates.length; i++) {
                if (!gates[i].await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test never released message " + i);
                }
                sink.send(("{\"n\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
            }
        }));
    }

    static CountDownLatch[] gates(int count) {
        CountDownLatch[] gates = new CountDownLatch[count];
        for (int i = 0; i < count; i++) {
            gates[i] = new CountDownLatch(1);
        }
        return gates;
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void eachMessageIsAChunkReadableBeforeTheNextIsSent(Wire wire) throws Exception {
        CountDownLatch[] gates = gates(3);
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(gatedEvents(gates)));
                RawHttpClient client = TestServers.connect(server)) {
            client.send(request("GET", "/v1.50/events"));
            // Headers come before any message: docker run waits for them on /wait.
            RawResponse head = client.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(head.header("Content-Length")).isNull();
            assertThat(head.header("Content-Type")).isEqualTo("application/json");
            for (int i = 0; i < 3; i++) {
                gates[i].countDown();
                assertThat(new String(client.readChunk(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":" + i + "}\n");
            }
            assertThat(client.readChunk()).isNull();
            RawResponse ping = client.exchange(request("GET", "/_ping"));
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.bodyText()).isEqualTo("OK");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void headOfAStreamedRouteSendsNoBody(Wire wire) throws Exception {
        CountDownLatch[] gates = gates(0);
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(gatedEvents(gates)));
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse head = client.exchange(request("HEAD", "/events"));
            assertThat(head.status()).isEqualTo(200);
            // the head a GET gets: chunked, with no length (the stream has none)
            assertThat(head.header("Content-Length")).isNull();
            assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(client.exchange(request("GET", "/_ping")).bodyText()).isEqualTo("OK");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void http10ClientGetsTheStreamUnchunkedUntilClose(Wire wire) throws Exception {
        CountDownLatch[] gates = gates(2);
        gates[0].countDown();
        gates[1].countDown();
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(gatedEvents(gates)));
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse answer = client.send("GET /events HTTP/1.0\r\n\r\n").readResponse();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Transfer-Encoding")).isNull();
            assertThat(answer.bodyText()).isEqualTo("{\"n\":0}\n{\"n\":1}\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void clientHangingUpOnAQuietStreamIsNoticedByAWriterPollingIsOpen(Wire wire) throws Exception {
        CountDownLatch sawHangUp = new CountDownLatch(1);
        CountDownLatch nothingHappens = new CountDownLatch(1);
        Route quiet = Route.of("GET", "/events", (request, params) -> ApiResponse.streamed(200, "application/json", sink -> {
            try {
                sink.send("{\"first\":1}\n".getBytes(StandardCharsets.UTF_8));
                while (sink.isOpen()) {
                    nothingHappens.await(20, TimeUnit.MILLISECONDS); // no event to send yet
                }
            } finally {
                sawHangUp.countDown(); // isOpen turned false, or the wait (or send) was interrupted
            }
        }));
        assertQuietStreamEndsWhenTheClientHangsUp(wire, quiet, sawHangUp);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void clientHangingUpOnAQuietStreamWakesAWriterWaitingForEvents(Wire wire) throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Route quiet = Route.of("GET", "/events", (request, params) -> ApiResponse.streamed(200, "application/json", sink -> {
            try {
                sink.send("{\"first\":1}\n".getBytes(StandardCharsets.UTF_8));
                never.await(); // woken by an interrupt when the client hangs up
            } finally {
                ended.countDown();
            }
        }));
        try {
            assertQuietStreamEndsWhenTheClientHangsUp(wire, quiet, ended);
        } finally {
            never.countDown();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void clientHangingUpRunsTheSinksHangUpActionsToFreeAWriterNoInterruptReaches(Wire wire) throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        Semaphore upstream = new Semaphore(0); // stands for a tcp read, which an interrupt does not wake
        Route quiet = Route.of("GET", "/events", (request, params) -> ApiResponse.streamed(200, "application/json", sink -> {
            try {
                sink.onHangUp(upstream::release);
                sink.send("{\"first\":1}\n".getBytes(StandardCharsets.UTF_8));
                upstream.acquireUninterruptibly();
            } finally {
                ended.countDown();
            }
        }));
        try {
            assertQuietStreamEndsWhenTheClientHangsUp(wire, quiet, ended);
        } finally {
            upstream.release();
        }
    }

    private static void assertQuietStreamEndsWhenTheClientHangsUp(Wire wire, Route events, CountDownLatch writerDone)
            throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(events))) {
            try (RawHttpClient client = TestServers.connect(server)) {
                client.send(request("GET", "/events"));
                assertThat(client.readHead().status()).isEqualTo(200);
                assertThat(client.readChunk()).isNotEmpty();
            }
            assertThat(writerDone.await(5, TimeUnit.SECONDS)).as("the writer learned the client has gone").isTrue();
            HijackTest.awaitNoConnections(server);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void requestPipelinedDuringAStreamIsServedAfterIt(Wire wire) throws Exception {
        CountDownLatch[] gates = gates(2);
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(gatedEvents(gates)));
                RawHttpClient client = TestServers.connect(server)) {
            client.send(request("GET", "/events"));
            assertThat(client.readHead().status()).isEqualTo(200);
            gates[0].countDown();
            assertThat(client.readChunk()).isNotEmpty();
            client.send(request("GET", "/_ping"));
            gates[1].countDown();
            assertThat(client.readChunk()).isNotEmpty();
            assertThat(client.readChunk()).isNull();
            assertThat(client.readResponse().bodyText()).isEqualTo("OK");
            assertThat(client.exchange(request("GET", "/version")).status()).isEqualTo(200);
        }
    }
}
