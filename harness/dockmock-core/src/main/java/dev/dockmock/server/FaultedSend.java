package dev.dockmock.server;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.protocol.TransportFault;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;

/**
 * Carries out a {@link TransportFault} on one answer. Terminal faults end the connection here;
 * the others deliver the inner answer through a {@link ResponseSender} over an altered output.
 */
final class FaultedSend {
    private static final Random RANDOM = new SecureRandom();
    private static final byte[] NOT_A_CHUNK = "lorem ipsum, not a chunk size\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final HttpConnection connection;
    private final Transport transport;
    private final ResponseWriter writer;
    private final HttpInput input;
    private final ServerContext server;

    FaultedSend(HttpConnection connection, Transport transport, ResponseWriter writer, HttpInput input, ServerContext server) {
        this.connection = connection;
        this.transport = transport;
        this.writer = writer;
        this.input = input;
        this.server = server;
    }

    /** Same contract as {@link ResponseSender#send}: false when the connection cannot carry another request. */
    boolean send(RequestHead head, ApiRequest request, ApiResponse response, ResponseBody.Faulted faulted, boolean keepAlive)
            throws IOException {
        TransportFault fault = faulted.fault();
        ApiResponse inner = new ApiResponse(response.status(), response.headers(), faulted.body());
        writer.flush();
        if (fault instanceof TransportFault.ConnectionReset) {
            transport.reset();
            return false;
        } else if (fault instanceof TransportFault.EmptyResponse) {
            transport.shutdownOutput();
            return false;
        } else if (fault instanceof TransportFault.MalformedChunk) {
            writer.head(200, response.headers(), "Transfer-Encoding", "chunked");
            writer.body(NOT_A_CHUNK);
            writer.flush();
            transport.shutdownOutput();
            return false;
        } else if (fault instanceof TransportFault.RandomDataThenClose random) {
            byte[] noise = new byte[random.bytes()];
            RANDOM.nextBytes(noise);
            writer.body(noise);
            writer.flush();
            transport.shutdownOutput();
            return false;
        } else if (fault instanceof TransportFault.Stall) {
            stall();
            return false;
        } else if (fault instanceof TransportFault.FixedDelay delay) {
            return pause(delay.delay()) && sender(writer).send(head, request, inner, keepAlive);
        } else if (fault instanceof TransportFault.LognormalDelay delay) {
            return pause(delay.draw(RANDOM)) && sender(writer).send(head, request, inner, keepAlive);
        } else if (fault instanceof TransportFault.Dribble dribble) {
            // over the current writer's stream, so a fault around this one (a cut) still sees every byte
            ResponseWriter slow = new ResponseWriter(new DribbleOutput(writer.stream(), dribble, server));
            return sender(slow).send(head, request, inner, keepAlive);
        } else if (fault instanceof TransportFault.CloseMidStream cut) {
            return cutMidStream(head, request, inner, cut);
        }
        throw new IllegalStateException("unknown transport fault " + fault);
    }

    private ResponseSender sender(ResponseWriter through) {
        return new ResponseSender(connection, transport, through, input, server);
    }

    /** Holds the connection without answering, until the client hangs up or the server closes. */
    private void stall() throws IOException {
        if (!connection.markStalled()) {
            return;
        }
        while (input.awaitData()) {
            input.discard(input.available());
        }
    }

    /** Sleeps in short slices so a closing server is not kept waiting; false when it closed meanwhile. */
    private boolean pause(Duration delay) {
        long end = System.nanoTime() + delay.toNanos();
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            if (server.closing()) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(50, left / 1_000_000)));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return !server.closing();
    }

    private boolean cutMidStream(RequestHead head, ApiRequest request, ApiResponse inner, TransportFault.CloseMidStream cut)
            throws IOException {
        ScheduledFuture<?> timer = cut.after() == null ? null : FaultTimer.schedule(transport::close, cut.after());
        try {
            if (inner.body() instanceof ResponseBody.Bytes bytes) {
                byte[] data = bytes.data();
                writer.head(inner.status(), inner.headers(), "Content-Length", String.valueOf(data.length));
                writer.body(java.util.Arrays.copyOf(data, (int) Math.min(data.length, cut.afterBytes())));
                writer.flush();
                transport.close();
                return false;
            }
            CuttingOutput cutting = new CuttingOutput(writer.stream(), cut.afterBytes(), transport);
            ResponseWriter through = new ResponseWriter(new BufferedOutputStream(cutting, 16 * 1024));
            sender(through).send(head, request, inner, false);
            return false;
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }
}
