package dev.dockmock.hardening;

/**
 * One generated request and what the server may do with it.
 *
 * @param kind the family it was generated from, for the figures
 * @param bytes what is written to the socket
 * @param framing what a correct server does next
 */
record FuzzCase(String kind, byte[] bytes, Framing framing) {

    /** What the server may do with a case. */
    enum Framing {
        /** A well-formed request: any non-5xx answer, and the connection stays open for the next one. */
        VALID,
        /** Broken or doubtful: sent, then the client half-closes; a 4xx (501/505 for unsupported framing) or a close. */
        BROKEN,
        /** Mutated from a valid request: like BROKEN, except that a mutation which left it valid may get a 2xx. */
        MUTATED,
        /** A complete hijack upgrade, after which the client writes noise and vanishes without a word. */
        HIJACK_VANISH
    }
}
