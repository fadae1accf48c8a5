package dev.dockmock.session;

import java.util.Objects;

/**
 * One request and its complete answer.
 *
 * @param id the position of the request among all requests of the session, from 1, in the order
 *     they arrived (answers may complete, and so be written, in another order)
 * @param at milliseconds from the start of the recording to the request's arrival
 * @param request the request
 * @param response the answer, with its stream or conversation
 */
public record Interaction(int id, long at, RecordedRequest request, RecordedResponse response) {

    public Interaction {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        if (id < 1) {
            throw new IllegalArgumentException("interaction ids start at 1");
        }
    }

    /** {@code #7 POST /containers/create}, for messages. */
    public String describe() {
        return "#" + id + " " + request.describe();
    }
}
