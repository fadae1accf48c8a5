package dev.dockmock.cli;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.TlsSettings;
import dev.dockmock.replay.Pace;
import dev.dockmock.replay.ReplayMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The command line of {@code dockmock replay}.
 *
 * @param file the cassette
 * @param hosts where to listen
 * @param tls TLS on those listeners, from dockerd's {@code --tls*} flags
 * @param mode strict or lenient ordering
 * @param pace how fast to answer
 * @param failOnUnused exit 1 on stop when a recorded interaction was never asked for
 * @param redact the extra {@code --redact} patterns the cassette was recorded with
 * @param help whether {@code --help} was asked
 */
record ReplayArgs(Path file, List<DockerHost> hosts, Optional<TlsSettings> tls, ReplayMode mode, Pace pace, boolean failOnUnused,
        List<Pattern> redact, boolean help) {

    static final String HELP = """
            Usage: dockmock replay FILE [OPTIONS]

            Serve a recorded cassette to Docker clients, with no daemon: each request is answered
            from the recorded interaction it matches (method, path, query and body). Requests that
            match nothing get a Docker error naming the nearest recording. Stop with Ctrl-C or
            SIGTERM; the stop lists unmatched requests and recorded interactions never asked for.

            Options:
              -H, --host HOST             Listen on HOST (repeatable). Default: %s
            %s
                  --lenient               Requests may come in any order (the default)
                  --strict                Each request must match the next recorded interaction
                                          (pings, /version and /info excepted)
                  --pace PACE             instant (the default), recorded (the recorded timing), or a
                                          factor applied to the recorded timing (0.5: twice as fast)
                  --fail-on-unused        Exit 1 on stop when a recorded interaction was never served
                  --redact REGEX          The --redact patterns the cassette was recorded with, so
                                          requests carrying those secrets still match (repeatable)
              -h, --help                  Print this help

            Exit codes: 0 after a clean stop, 1 when the cassette cannot be loaded or a listener cannot
            start (or, with --fail-on-unused, when interactions were left unused), 2 for a wrong command line.
            """.formatted(defaultSocket(), TlsFlags.HELP.stripTrailing());

    static Path defaultSocket() {
        return ServeOptions.defaultUnixSocket().resolveSibling("replay.sock");
    }

    static ReplayArgs parse(String[] args) {
        List<String> hostStrings = new ArrayList<>();
        ReplayMode mode = null;
        Pace pace = Pace.instant();
        boolean failOnUnused = false;
        List<Pattern> redact = new ArrayList<>();
        boolean help = false;
        TlsFlags tlsFlags = new TlsFlags();
        Flags flags = new Flags(args);
        String flag;
        while ((flag = flags.next()) != null) {
            if (tlsFlags.accept(flag, flags)) {
                continue;
            }
            switch (flag) {
                case "-h", "--help" -> help = true;
                case "-H", "--host" -> hostStrings.add(flags.value());
                case "--strict", "--lenient" -> {
                    flags.noValue();
                    ReplayMode chosen = flag.equals("--strict") ? ReplayMode.STRICT : ReplayMode.LENIENT;
                    if (mode != null && mode != chosen) {
                        throw new UsageException("--strict and --lenient exclude each other");
                    }
                    mode = chosen;
                }
                case "--pace" -> pace = pace(flags.value());
                case "--fail-on-unused" -> {
                    flags.noValue();
                    failOnUnused = true;
                }
                case "--redact" -> redact.add(RecordArgs.pattern(flags.value()));
                default -> throw flags.unknown();
            }
        }
        if (help) {
            return new ReplayArgs(null, List.of(), Optional.empty(), ReplayMode.LENIENT, pace, failOnUnused, List.of(), true);
        }
        List<String> operands = flags.operands();
        if (operands.size() != 1) {
            throw new UsageException(operands.isEmpty() ? "which cassette? Give its FILE" : "one cassette FILE at a time, got " + operands);
        }
        Optional<TlsSettings> tls = tlsFlags.settings();
        List<DockerHost> hosts = new ArrayList<>();
        try {
            for (String host : hostStrings) {
                hosts.add(DockerHost.parse(host, tls.isPresent()));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (hosts.isEmpty()) {
            hosts.add(new DockerHost.Unix(defaultSocket()));
        }
        return new ReplayArgs(Path.of(operands.get(0)), hosts, tls, mode == null ? ReplayMode.LENIENT : mode, pace, failOnUnused,
                redact, false);
    }

    static Pace pace(String text) {
        switch (text) {
            case "instant":
                return Pace.instant();
            case "recorded":
                return Pace.recorded();
            default:
                try {
                    return Pace.scaled(Double.parseDouble(text));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--pace takes instant, recorded or a factor such as 0.5, not \"" + text + "\"");
                }
        }
    }

    /** How the pace reads in messages. */
    static String describe(Pace pace) {
        if (pace instanceof Pace.Scaled scaled) {
            return scaled.factor() == 1.0 ? "recorded pace" : "recorded pace x" + scaled.factor();
        }
        return "instant pace";
    }
}
