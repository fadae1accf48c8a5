package dev.dockmock.engine.process;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The commands a minimal busybox image has, so that common container command lines work with no
 * fixture: a shell ({@code sh}, {@code ash}, {@code bash}) with a small interpreter for what people
 * write in {@code sh -c '...'}, health checks and entrypoints, and applets such as {@code echo},
 * {@code printf}, {@code cat}, {@code sleep}, {@code env}, {@code test}. Programs are found by name
 * or by path in the usual binary directories ({@code /bin/echo}, {@code /usr/bin/env}).
 *
 * <p>There is no filesystem: output redirected to a file is discarded and files cannot be read.
 * The process runs as root on Linux x86_64 (kernel {@code 6.1.0-dockmock}), in UTC.
 *
 * <p>{@link #resolve} answers only for its own programs: an unknown program is empty, so the
 * engine fails the start as dockerd does. Inside the shell, an unknown command prints
 * {@code sh: NAME: not found} and has status 127.
 */
public final class BusyboxProgram implements Program {
    private final Program external;
    private final Clock clock;

    /** Only the built-in commands. */
    public BusyboxProgram() {
        this(null, Clock.systemUTC());
    }

    /**
     * @param external asked first for each program the shell, {@code env} or {@code busybox} runs
     *     (the engine's fixtures); may be {@code null}, and may include this program
     */
    public BusyboxProgram(Program external) {
        this(external, Clock.systemUTC());
    }

    /**
     * @param external as for {@link #BusyboxProgram(Program)}
     * @param clock what {@code date} reads
     */
    public BusyboxProgram(Program external, Clock clock) {
        this.external = external;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Behaviour> resolve(String image, List<String> argv) {
        if (argv == null || argv.isEmpty() || argv.get(0).isEmpty()) {
            return Optional.empty();
        }
        return new CommandTable(image, external, clock).applet(argv.get(0));
    }

    /** The program names this program knows, for documentation and diagnostics. */
    public static Set<String> commands() {
        return Applets.names();
    }
}
