package dev.dockmock.session;

import java.time.Instant;
import java.util.Objects;

/**
 * The first line of a cassette.
 *
 * @param version the format version; this build reads and writes {@value #VERSION}
 * @param recorded when recording started
 * @param source what answered: an upstream host string, or a description of a dispatcher
 */
public record CassetteHeader(int version, Instant recorded, String source) {
    /** The cassette format this build writes. */
    public static final int VERSION = 1;

    public CassetteHeader {
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(source, "source");
    }

    /** A header for a recording that starts now. */
    public static CassetteHeader now(String source) {
        return new CassetteHeader(VERSION, Instant.now(), source);
    }
}
