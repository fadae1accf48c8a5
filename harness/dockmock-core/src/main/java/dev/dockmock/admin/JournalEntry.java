package dev.dockmock.admin;

import dev.dockmock.protocol.ApiRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as the journal kept it.
 *
 * @param seq its number since the journal began (or was last cleared), from 1
 * @param time when it arrived
 * @param request the request (bodies beyond the journal's limit cut short)
 * @param status the status answered
 * @param duration how long the answer took, streams and hijacked sessions until their end;
 *     null while it still runs
 */
public record JournalEntry(long seq, Instant time, ApiRequest request, int status, Duration duration) {

    /** The client's {@code User-Agent}, empty when it sent none. */
    public String userAgent() {
        return request.headers().first("User-Agent").orElse("");
    }

    /** Testcontainers' session id ({@code x-tc-sid}), empty when absent. */
    public String sessionId() {
        return request.headers().first("x-tc-sid").orElse("");
    }

    /** The JSON document the admin API answers with. */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("seq", seq);
        doc.put("time", time.toString());
        doc.put("method", request.method());
        doc.put("target", request.target());
        doc.put("path", request.path());
        doc.put("status", status);
        doc.put("durationMillis", duration == null ? null : duration.toNanos() / 1e6);
        doc.put("running", duration == null);
        doc.put("userAgent", userAgent());
        doc.put("sessionId", sessionId());
        doc.put("listener", request.client().listener());
        return doc;
    }
}
