package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The outcome of running a command line through {@link BusyboxProgram}. */
record Run(int status, String out, String err) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T09:03:07Z"), ZoneOffset.UTC);
    static final BusyboxProgram BUSYBOX = new BusyboxProgram(null, CLOCK);

    static Run of(RecordingIo io) {
        Behaviour behaviour = BUSYBOX.resolve("alpine:3.20", io.argv()).orElseThrow(
                () -> new AssertionError("not resolved: " + io.argv()));
        try {
            int status = behaviour.run(io);
            return new Run(status, io.out(), io.err());
        } catch (InterruptedException e) {
            throw new AssertionError("interrupted", e);
        }
    }

    static Run sh(String script) {
        return of(RecordingIo.of("sh", "-c", script));
    }

    /** {@code sh -c script} in a container whose filesystem is {@code tree} (read-only as {@code --read-only}). */
    static Run sh(FileTree tree, String script, boolean readOnly) {
        return of(RecordingIo.of("sh", "-c", script).withFiles(ProcessFileView.of(tree, CLOCK, readOnly)));
    }

    Run is(String expectedOut, String expectedErr, int expectedStatus) {
        assertThat(this).isEqualTo(new Run(expectedStatus, expectedOut, expectedErr));
        return this;
    }
}
