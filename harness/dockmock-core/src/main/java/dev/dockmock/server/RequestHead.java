package dev.dockmock.server;

import dev.dockmock.protocol.Headers;

/**
 * The request line and header fields of one request, before its body is read.
 *
 * @param method the method, as sent
 * @param target the request target, as sent
 * @param http11 whether the client speaks HTTP/1.1 (keep-alive by default)
 * @param headers the header fields
 */
record RequestHead(String method, String target, boolean http11, Headers headers) {

    /** Whether the connection should stay open after the response. */
    boolean keepAlive() {
        if (headers.hasToken("Connection", "close")) {
            return false;
        }
        return http11 || headers.hasToken("Connection", "keep-alive");
    }
}
