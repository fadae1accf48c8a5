package dev.dockmock.cli.bench;

/**
 * What one measured phase gave.
 *
 * @param requests responses that completed inside the measured window
 * @param errors responses that were not {@code 200}, plus connections that failed
 * @param seconds the length of the measured window
 * @param p50Micros median latency, from writing the request to reading the last body byte
 * @param p99Micros 99th percentile latency
 * @param maxMicros the slowest response
 * @param failure the first connection failure, or {@code null}
 */
record Measurement(long requests, long errors, double seconds, long p50Micros, long p99Micros, long maxMicros,
        String failure) {

    double requestsPerSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }
}
