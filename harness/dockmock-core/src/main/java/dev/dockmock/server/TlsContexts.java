package dev.dockmock.server;

import java.io.IOException;
import javax.net.ssl.SSLContext;

/** Builds TLS contexts from dockerd-style PEM files. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext server(TlsSettings settings) throws IOException {
        throw new IOException("TLS not available yet");
    }
}
