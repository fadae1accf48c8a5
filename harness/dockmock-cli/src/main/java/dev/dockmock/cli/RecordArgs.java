package dev.dockmock.cli;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.TlsSettings;
import dev.dockmock.upstream.UpstreamTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The command line of {@code dockmock record}.
 *
 * @param upstream the daemon recorded
 * @param tls TLS towards it, when any {@code --upstream-tls*} flag or {@code --upstream-certpath} is given
 * @param hosts where clients connect to the recorder
 * @param listenTls TLS on those listeners, from dockerd's {@code --tls*} flags
 * @param out the cassette file
 * @param redact extra patterns of environment variable names whose values are masked
 * @param help whether {@code --help} was asked
 */
record RecordArgs(DockerHost upstream, Optional<UpstreamTls> tls, List<DockerHost> hosts, Optional<TlsSettings> listenTls, Path out, List<Pattern> redact,
        boolean help) {

    static final String HELP = """
            Usage: dockmock record --upstream HOST --out FILE [OPTIONS]

            Serve a recording proxy in front of a real Docker daemon: clients that use it are
            answered by the daemon, and every request and answer (streams and attach/exec
            conversations included) is appended to FILE as it completes. Stop with Ctrl-C or
            SIGTERM; a recorder killed outright still leaves every completed interaction.

            Options:
                  --upstream HOST              The daemon to record: unix:///var/run/docker.sock,
                                               tcp://host:port (required)
                  --upstream-tlscacert FILE    CA that signed the daemon's certificate; the daemon
                                               is verified against it
                  --upstream-tlscert FILE      Client certificate for the daemon (PEM)
                  --upstream-tlskey FILE       Its private key (PEM)
                  --upstream-certpath DIR      ca.pem, cert.pem and key.pem from DIR, as DOCKER_CERT_PATH
              -H, --host HOST                  Listen on HOST (repeatable). Default: %s
            %s
              -o, --out FILE                   The cassette to write (replaced if it exists) (required)
                  --redact REGEX               Also mask the values of environment variables whose
                                               whole NAME matches REGEX (repeatable). Registry
                                               credentials and names with SECRET, PASSWORD, TOKEN or
                                               KEY are always masked
              -h, --help                       Print this help

            Exit codes: 0 after a clean stop, 1 when the recorder cannot start, 2 for a wrong command line.
            """.formatted(defaultSocket(), TlsFlags.HELP.stripTrailing());

    /** The default listener: a short unix socket under the temp directory, apart from serve's. */
    static Path defaultSocket() {
        return ServeOptions.defaultUnixSocket().resolveSibling("record.sock");
    }

    static RecordArgs parse(String[] args) {
        String upstream = null;
        String ca = null;
        String cert = null;
        String key = null;
        String certPath = null;
        List<String> hostStrings = new ArrayList<>();
        String out = null;
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
                case "--upstream" -> upstream = flags.value();
                case "--upstream-tlscacert" -> ca = flags.value();
                case "--upstream-tlscert" -> cert = flags.value();
                case "--upstream-tlskey" -> key = flags.value();
                case "--upstream-certpath" -> certPath = flags.value();
                case "-H", "--host" -> hostStrings.add(flags.value());
                case "-o", "--out" -> out = flags.value();
                case "--redact" -> redact.add(pattern(flags.value()));
                default -> throw flags.unknown();
            }
        }
        if (!flags.operands().isEmpty()) {
            throw new UsageException("unexpected argument \"" + flags.operands().get(0) + "\"");
        }
        if (help) {
            return new RecordArgs(null, Optional.empty(), List.of(), Optional.empty(), null, List.of(), true);
        }
        if (upstream == null) {
            throw new UsageException("--upstream is required: the daemon to record, such as unix:///var/run/docker.sock");
        }
        if (out == null) {
            throw new UsageException("--out is required: the cassette file to write");
        }
        Optional<UpstreamTls> tls = tls(ca, cert, key, certPath);
        try {
            DockerHost upstreamHost = DockerHost.parse(upstream, tls.isPresent());
            if (tls.isPresent() && upstreamHost instanceof DockerHost.Unix) {
                throw new UsageException("TLS applies to a tcp upstream, not " + upstreamHost);
            }
            Optional<TlsSettings> listenTls = tlsFlags.settings();
            List<DockerHost> hosts = new ArrayList<>();
            for (String host : hostStrings) {
                hosts.add(DockerHost.parse(host, listenTls.isPresent()));
            }
            if (hosts.isEmpty()) {
                hosts.add(new DockerHost.Unix(defaultSocket()));
            }
            return new RecordArgs(upstreamHost, tls, hosts, listenTls, Path.of(out), redact, false);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Optional<UpstreamTls> tls(String ca, String cert, String key, String certPath) {
        if (certPath != null) {
            if (ca != null || cert != null || key != null) {
                throw new UsageException("give either --upstream-certpath or the --upstream-tls* files, not both");
            }
            Path dir = Path.of(certPath);
            if (!Files.isDirectory(dir)) {
                throw new UsageException("--upstream-certpath " + certPath + " is not a directory");
            }
            return Optional.of(UpstreamTls.fromCertPath(dir, Files.exists(dir.resolve("ca.pem"))));
        }
        if (ca == null && cert == null && key == null) {
            return Optional.empty();
        }
        if ((cert == null) != (key == null)) {
            throw new UsageException("--upstream-tlscert and --upstream-tlskey go together");
        }
        return Optional.of(new UpstreamTls(Optional.ofNullable(ca).map(Path::of), Optional.ofNullable(cert).map(Path::of),
                Optional.ofNullable(key).map(Path::of), ca != null));
    }

    static Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--redact " + regex + " is not a regular expression: " + e.getDescription());
        }
    }
}
