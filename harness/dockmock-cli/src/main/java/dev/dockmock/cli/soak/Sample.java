package dev.dockmock.cli.soak;

/**
 * One reading of the soak's JVM (which holds the engine, the server and the clients).
 *
 * @param seconds seconds since the load started
 * @param heapAfterGcBytes heap in use right after {@code System.gc()}
 * @param rssBytes resident memory ({@code VmRSS}), -1 where {@code /proc} has none
 * @param threads live threads
 * @param fds open file descriptors ({@code /proc/self/fd}), -1 where {@code /proc} has none
 * @param requests requests the server had dispatched so far
 * @param operations client calls made so far
 */
record Sample(double seconds, long heapAfterGcBytes, long rssBytes, int threads, int fds, long requests, long operations) {

    double heapMiB() {
        return heapAfterGcBytes / 1048576.0;
    }

    double rssMiB() {
        return rssBytes / 1048576.0;
    }
}
