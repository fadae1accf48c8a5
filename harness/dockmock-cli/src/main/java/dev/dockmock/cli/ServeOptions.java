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
 * @param admin whether the admin API answers under {@code /_dockmock/} on the listeners
 * @param adminHost a host of its own for the admin API, if any
 * @param faults fault files (or directories of them) applied at start
 * @param help whether {@code --help} was asked
 * @param swarm the swarm to serve instead of a single engine, if {@code --swarm} was given
 * @param hostBinds whether bind mounts read and write the host's files ({@code --no-host-binds} turns it off)
 */
record ServeOptions(List<DockerHost> hosts, Optional<TlsSettings> tls, ApiRange apiRange, Optional<Path> fixtures,
        boolean admin, Optional<DockerHost> adminHost, List<Path> faults, boolean help, Optional<SwarmShape> swarm,
        boolean hostBinds) {

    static final String HELP = """
            Usage: dockmock serve [OPTIONS]

            Serve the fake Docker Engine API until Ctrl-C or SIGTERM.

            Options:
              -H, --host HOST        Listen on HOST (repeatable): unix:///abs/path, tcp://host:port,
                                     host:port or :port. Port 0 picks a free port.
                                     Default: %s and tcp://127.0.0.1:2375
            %s
                  --api-min VERSION  Oldest API version served (default %s)
                  --api-max VERSION  Newest API version served (default %s)
                  --fixtures DIR     Load engine fixtures from DIR/engine (default: ./fixtures when present)
                  --no-fixtures      Start with the built-in catalogue only
                  --no-host-binds    Bind mounts (-v /host/dir:/data) get an empty in-memory
                                     directory instead of the host's files
                  --admin            Serve the admin API under /_dockmock/ on the listeners
                  --admin-host HOST  Serve the admin API on HOST only (a unix or tcp host string)
                  --faults FILE      Apply a fault file, or every .yaml/.json in a directory (repeatable);
                                     see docs/faults.md
                  --swarm managers=M,workers=W[,simulated=S]
                                     Serve a swarm of M managers and W workers, one engine each
                                     (manager1 leads); the -H hosts go to the nodes in order,
                                     the others listen on tcp://127.0.0.1:0. S simulated workers
                                     (no engine, no listener) make large swarms cheap
              -h, --help             Print this help

            Exit codes: 0 after a clean stop, 1 when a listener cannot start, 2 for a wrong command line.
            """.formatted(defaultUnixSocket(), TlsFlags.HELP.stripTrailing(), ApiRange.DEFAULT.min(), ApiRange.DEFAULT.max());

    /** The default unix socket: short, under the temp directory, one per user. */
    static Path defaultUnixSocket() {
        String tmp = Optional.ofNullable(System.getenv("TMPDIR")).filter(s -> !s.isBlank()).orElse("/tmp");
        String user = Optional.ofNullable(System.getProperty("user.name")).orElse("user");
        return Path.of(tmp, "dockmock-" + user, "docker.sock");
    }

    static ServeOptions parse(String[] args) {
        List<String> hostStrings = new ArrayList<>();
        TlsFlags tlsFlags = new TlsFlags();
        String apiMin = ApiRange.DEFAULT.min().toString();
        String apiMax = ApiRange.DEFAULT.max().toString();
        boolean help = false;
        String fixtures = Files.isDirectory(Path.of("fixtures")) ? "fixtures" : null;
        boolean admin = false;
        String adminHost = null;
        List<Path> faults = new ArrayList<>();
        SwarmShape swarm = null;
        boolean hostBinds = true;
        Flags flags = new Flags(args);
        String flag;
        while ((flag = flags.next()) != null) {
            if (tlsFlags.accept(flag, flags)) {
                continue;
            }
            switch (flag) {
                case "-h", "--help" -> help = true;
                case "-H", "--host" -> hostStrings.add(flags.value());
                case "--api-min" -> apiMin = flags.value();
                case "--api-max" -> apiMax = flags.value();
                case "--fixtures" -> fixtures = flags.value();
                case "--no-fixtures" -> fixtures = null;
                case "--no-host-binds" -> hostBinds = false;
                case "--admin" -> admin = true;
                case "--admin-host" -> adminHost = flags.value();
                case "--faults" -> faults.add(Path.of(flags.value()));
                case "--swarm" -> swarm = SwarmShape.parse(flags.value());
                default -> throw flags.unknown();
            }
        }
        if (!flags.operands().isEmpty()) {
            throw new UsageException("unknown option \"" + flags.operands().get(0) + "\"");
        }
        Optional<TlsSettings> tls = tlsFlags.settings();
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
            Optional<DockerHost> adminListener = Optional.ofNullable(adminHost).map(h -> DockerHost.parse(h, false));
            return new ServeOptions(hosts, tls, ApiRange.parse(apiMin, apiMax), Optional.ofNullable(fixtures).map(Path::of),
                    admin, adminListener, List.copyOf(faults), help, Optional.ofNullable(swarm), hostBinds);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
