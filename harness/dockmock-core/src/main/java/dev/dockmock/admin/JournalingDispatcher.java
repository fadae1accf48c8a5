package dev.dockmock.admin;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.ResponseBody;

/**
 * Writes every request into a {@link Journal} with the status of its answer; the duration is
 * taken when the answer is complete, so a stream's entry lasts as long as the stream.
 */
final class JournalingDispatcher implements Dispatcher {
    private final Journal journal;
    private final Dispatcher next;

    JournalingDispatcher(Journal journal, Dispatcher next) {
        this.journal = journal;
        this.next = next;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        ApiResponse response;
        try {
            response = next.dispatch(request);
        } catch (DockerException e) {
            journal.record(request, e.error().status()).finished();
            throw e;
        } catch (RuntimeException e) {
            journal.record(request, 500).finished();
            throw e;
        }
        int status = response.body() instanceof ResponseBody.Hijacked && request.wantsUpgrade() ? 101 : response.status();
        Journal.Slot slot = journal.record(request, status);
        if (request.method().equals("HEAD")) {
            slot.finished(); // the server sends no body to HEAD and never runs a stream's writer
            return response;
        }
        return new ApiResponse(response.status(), response.headers(), timed(response.body(), slot));
    }

    private static ResponseBody timed(ResponseBody body, Journal.Slot slot) {
        if (body instanceof ResponseBody.Streamed streamed) {
            return new ResponseBody.Streamed(sink -> {
                try {
                    streamed.writer().writeTo(sink);
                } finally {
                    slot.finished();
                }
            });
        }
        if (body instanceof ResponseBody.Hijacked hijacked) {
            return new ResponseBody.Hijacked(stream -> {
                try {
                    hijacked.handler().run(stream);
                } finally {
                    slot.finished();
                }
            });
        }
        if (body instanceof ResponseBody.Faulted faulted) {
            return new ResponseBody.Faulted(faulted.fault(), timed(faulted.body(), slot));
        }
        slot.finished();
        return body;
    }
}
