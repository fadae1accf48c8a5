package dev.dockmock.cli;

import dev.dockmock.dispatch.ApiRange;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code dockmock serve}, with dockerd's flag names for hosts and TLS.
 *
 * @param hosts where to listen, parsed
 * @param tls TLS settings when {@code --tlscert} and {@code --tlskey} are given
 * @param apiRange the API versions served
 * @param fixtures the fixtures directory, if any
 * @param help whether {@code --help} was asked
 * @param swarm the swarm to serve instead of a single engine, if {@code --swarm} was given
 */
record ServeOptions(List<DockerHost> hosts, Optional<TlsSettings> tls, ApiRange apiRange, Optional<Path> fixtures, boolean help,
        Optional<SwarmShape> swarm) {

    static final String HELP = """
            Usage: dockmock serve [OPTIONS]

            Serve the fake Docker Engine API until Ctrl-C or SIGTERM.

            Options:
              -H, --host HOST        Listen on HOST (repeatable): unix:///abs/path, tcp://host:port,
                                     host:port or :port. Port 0 picks a free port.
                                     Default: %s and tcp://127.0.0.1:2375
                  --tls              Use TLS (implied by --tlsverify)
                  --tlscert FILE     Server certificate (PEM)
                  --tlskey FILE      Server private key (PEM)
                  --tlscacert FILE   CA that signs accepted client certificates (PEM)
                  --tlsverify        Require client certificates signed by --tlscacert
                  --api-min VERSION  Oldest API version served (default %s)
                  --api-max VERSION  Newest API version served (default %s)
                  --fixtures DIR     Load engine fixtures from DIR/engine (default: ./fixtures when present)
                  --no-fixtures      Start with the built-in catalogue only
                  --swarm managers=M,workers=W
                                     Serve a swarm of M managers and W workers, one engine each
                                     (manager1 leads); the -H hosts go to the nodes in order,
                                     the others listen on tcp://127.0.0.1:0
              -h, --help             Print this help

            Exit codes: 0 after a clean stop, 1 when a listener cannot start, 2 for a wrong command line.
            """.formatted(defaultUnixSocket(), ApiRange.DEFAULT.min(), ApiRange.DEFAULT.max());

    /** The default unix socket: short, under the temp directory, one per user. */
    static Path defaultUnixSocket() {
        String tmp = Optional.ofNullable(System.getenv("TMPDIR")).filter(s -> !s.isBlank()).orElse("/tmp");
        String user = Optional.ofNullable(System.getProperty("user.name")).orElse("user");
        return Path.of(tmp, "dockmock-" + user, "docker.sock");
    }

    static ServeOptions parse(String[] args) {
        List<String> hostStrings = new ArrayList<>();
        String cert = null;
        String key = null;
        String ca = null;
        boolean verify = false;
        boolean tlsFlag = false;
        String apiMin = ApiRange.DEFAULT.min().toString();
        String apiMax = ApiRange.DEFAULT.max().toString();
        boolean help = false;
        String fixtures = Files.isDirectory(Path.of("fixtures")) ? "fixtures" : null;
        SwarmShape swarm = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "-H", "--host" -> hostStrings.add(value != null ? value : next(args, ++i, arg));
                case "--tls" -> tlsFlag = true;
                case "--tlsverify" -> verify = true;
                case "--tlscert" -> cert = value != null ? value : next(args, ++i, arg);
                case "--tlskey" -> key = value != null ? value : next(args, ++i, arg);
                case "--tlscacert" -> ca = value != null ? value : next(args, ++i, arg);
                case "--api-min" -> apiMin = value != null ? value : next(args, ++i, arg);
                case "--api-max" -> apiMax = value != null ? value : next(args, ++i, arg);
                case "--fixtures" -> fixtures = value != null ? value : next(args, ++i, arg);
                case "--no-fixtures" -> fixtures = null;
                case "--swarm" -> swarm = SwarmShape.parse(value != null ? value : next(args, ++i, arg));
                default -> throw new UsageException("unknown option \"" + args[i] + "\"");
            }
        }
        Optional<TlsSettings> tls = tls(tlsFlag || verify, verify, cert, key, ca);
        List<DockerHost> hosts = new ArrayList<>();
        try {
            for (String host : hostStrings) {
                hosts.add(DockerHost.parse(host, tls.isPresent()));
            }
            if (hosts.isEmpty()) {
                hosts.add(new DockerHost.Unix(defaultUnixSocket()));
                if (swarm == null) {
                    hosts.add(new DockerHost.Tcp("127.0.0.1", tls.isPresent() ? DockerHost.DEFAULT_TLS_PORT : DockerHost.DEFAULT_PORT));
                }
            }
            if (swarm != null && hosts.size() > swarm.managers() + swarm.workers()) {
                throw new UsageException("--swarm " + swarm.managers() + " managers and " + swarm.workers() + " workers take at most "
                        + (swarm.managers() + swarm.workers()) + " hosts, one each; " + hosts.size() + " given");
            }
            return new ServeOptions(hosts, tls, ApiRange.parse(apiMin, apiMax), Optional.ofNullable(fixtures).map(Path::of), help,
                    Optional.ofNullable(swarm));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Optional<TlsSettings> tls(boolean wanted, boolean verify, String cert, String key, String ca) {
        boolean any = wanted || cert != null || key != null || ca != null;
        if (!any) {
            return Optional.empty();
        }
        if (cert == null || key == null) {
            throw new UsageException("TLS needs both --tlscert and --tlskey");
        }
        if (verify && ca == null) {
            throw new UsageException("--tlsverify needs --tlscacert, the CA that signs client certificates");
        }
        Optional<Path> caPath = Optional.ofNullable(ca).map(Path::of);
        return Optional.of(new TlsSettings(Path.of(cert), Path.of(key), caPath, verify));
    }

    private static String next(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new UsageException("flag " + flag + " needs a value");
        }
        return args[index];
    }
}
