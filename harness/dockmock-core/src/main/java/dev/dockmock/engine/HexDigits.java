package dev.dockmock.engine;

import java.nio.charset.StandardCharsets;

/** The sixteen lower-case hex digits as ASCII bytes, indexed by value. */
final class HexDigits {
    static final byte[] LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private HexDigits() {
    }
}
