package dev.dockmock.junit;

/** What answers the clients of a test's dockmock. */
public enum Mode {
    /** The fake engine, seeded from fixtures: stateful containers, images, networks, events. */
    ENGINE,
    /** A recorded cassette, with no daemon at all; the cassette must exist. */
    REPLAY,
    /**
     * Record if the cassette is missing, otherwise replay it (as VCR tools do): the first run goes
     * through to the upstream daemon and writes the cassette, later runs replay it. Set the system
     * property {@code dockmock.rerecord=true} to record again over existing cassettes.
     */
    RECORD,
    /**
     * Scripted stubs in front of the engine, from a stub module on the test classpath that
     * registers the core's {@code dev.dockmock.admin.DispatcherKind} named {@code stubs} (such as
     * {@code dockmock-wiremock}), reading {@link DockMockTest#stubs()}; unmatched requests fall
     * through to the engine. {@link DockMockBuilder#dispatcher} answers with a dispatcher of your own.
     */
    STUBS
}
