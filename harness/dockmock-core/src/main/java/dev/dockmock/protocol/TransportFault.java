package dev.dockmock.protocol;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Something going wrong on the wire, as a value: a dispatcher puts one in a response
 * ({@link ApiResponse#withFault}) and the server carries it out. The set is closed; every fault
 * a test can ask for is one of these.
 *
 * <p>Terminal faults ({@link #replacesAnswer()} true) stand in for the answer: the response they
 * come in only carries them. The others change how an answer is delivered.
 */
public sealed interface TransportFault {

    /** True when the fault is all the client gets; false when it alters the delivery of an answer. */
    default boolean replacesAnswer() {
        return false;
    }

    /** The connection is reset (TCP RST; a plain close on unix sockets, which have no reset). */
    record ConnectionReset() implements TransportFault {
        @Override
        public boolean replacesAnswer() {
            return true;
        }
    }

    /** The connection is closed without a byte of answer. */
    record EmptyResponse() implements TransportFault {
        @Override
        public boolean replacesAnswer() {
            return true;
        }
    }

    /** A {@code 200} head announcing a chunked body, then bytes that are not chunks, then close. */
    record MalformedChunk() implements TransportFault {
        @Override
        public boolean replacesAnswer() {
            return true;
        }
    }

    /** {@code bytes} random bytes instead of an answer, then close. */
    record RandomDataThenClose(int bytes) implements TransportFault {
        public RandomDataThenClose {
            if (bytes < 1) {
                throw new IllegalArgumentException("random data needs at least one byte");
            }
        }

        @Override
        public boolean replacesAnswer() {
            return true;
        }
    }

    /** No answer, ever: the connection is held until the client gives up or the server closes. */
    record Stall() implements TransportFault {
        @Override
        public boolean replacesAnswer() {
            return true;
        }
    }

    /** The answer is sent after {@code delay}. */
    record FixedDelay(Duration delay) implements TransportFault {
        public FixedDelay {
            requireNotNegative(delay);
        }
    }

    /**
     * The answer is sent after a delay drawn from a lognormal distribution with the given median
     * and shape {@code sigma}, as service latencies tend to be (WireMock's lognormal delay).
     */
    record LognormalDelay(Duration median, double sigma) implements TransportFault {
        public LognormalDelay {
            requireNotNegative(median);
            if (sigma < 0) {
                throw new IllegalArgumentException("sigma must not be negative");
            }
        }

        /** One delay drawn from the distribution. */
        public Duration draw(Random random) {
            double millis = median.toNanos() / 1e6 * Math.exp(random.nextGaussian() * sigma);
            return Duration.ofNanos((long) (millis * 1e6));
        }
    }

    /** The whole answer, head included, is written {@code bytesPerWrite} bytes at a time with {@code pause} between. */
    record Dribble(int bytesPerWrite, Duration pause) implements TransportFault {
        public Dribble {
            if (bytesPerWrite < 1) {
                throw new IllegalArgumentException("bytesPerWrite must be at least 1");
            }
            requireNotNegative(pause);
        }
    }

    /**
     * The connection is cut in the middle of the answer's body: once {@code afterBytes} bytes of
     * it have been written, or {@code after} has passed since its head was sent, whichever comes
     * first. Streams ({@code logs -f}, {@code events}) and hijacked sessions (attach, exec) stop
     * there; the client sees the connection drop.
     *
     * @param afterBytes body bytes written before the cut; {@link Long#MAX_VALUE} for no limit
     * @param after time after the head before the cut; {@code null} for no limit
     */
    record CloseMidStream(long afterBytes, Duration after) implements TransportFault {
        public CloseMidStream {
            if (afterBytes < 0) {
                throw new IllegalArgumentException("afterBytes must not be negative");
            }
            if (after != null) {
                requireNotNegative(after);
            }
            if (afterBytes == Long.MAX_VALUE && after == null) {
                throw new IllegalArgumentException("a mid-stream close needs afterBytes or after");
            }
        }
    }

    private static void requireNotNegative(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
    }
}
