package dev.dockmock.scenario.model;

import java.util.Locale;

/** How a client reaches dockmock: a unix socket, plain tcp, or tcp with TLS and client certificates. */
public enum Transport {
    UNIX, TCP, TLS;

    /** The name used in scenario files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
