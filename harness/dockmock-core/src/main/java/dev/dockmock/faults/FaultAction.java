package dev.dockmock.faults;

import dev.dockmock.protocol.TransportFault;
import java.util.Objects;

/** What a fault rule does to a request it matches. */
public sealed interface FaultAction {

    /** Answers with a Docker error instead of asking the dispatcher: {@code {"message": ...}}. */
    record Fail(int status, String message) implements FaultAction {
        public Fail {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a Docker error needs a 4xx or 5xx status, not " + status);
            }
            Objects.requireNonNull(message, "message");
        }
    }

    /** Carries out a transport fault, on the dispatcher's answer unless the fault replaces it. */
    record Transport(TransportFault fault) implements FaultAction {
        public Transport {
            Objects.requireNonNull(fault, "fault");
        }
    }
}
