package dev.dockmock.replay;

/** How strictly a replay holds clients to the recorded order. */
public enum ReplayMode {
    /**
     * Requests must come in the recorded order: each must match the first interaction not yet
     * served. Probes ({@link ReplayOptions#probes()}: {@code /_ping}, {@code /version},
     * {@code /info}) are exempt and may come at any time, because clients send them whenever they
     * (re)connect. A recorded interaction is served once; a repeat is an error, except for probes.
     */
    STRICT,
    /**
     * Any order: a request gets the first matching interaction not yet served, and once all its
     * matches are served, the last of them again.
     */
    LENIENT
}
