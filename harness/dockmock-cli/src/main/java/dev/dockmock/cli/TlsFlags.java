package dev.dockmock.cli;

import dev.dockmock.server.TlsSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * dockerd's TLS flags for a command's own listeners ({@code --tls}, {@code --tlscert},
 * {@code --tlskey}, {@code --tlscacert}, {@code --tlsverify}), shared by {@code serve},
 * {@code record} and {@code replay}. A command offers each flag to {@link #accept} and asks
 * {@link #settings()} once the command line is read.
 */
final class TlsFlags {
    /** The help lines for these flags, to include in a command's help. */
    static final String HELP = """
                  --tls              Use TLS (implied by --tlsverify)
                  --tlscert FILE     Server certificate (PEM)
                  --tlskey FILE      Server private key (PEM)
                  --tlscacert FILE   CA that signs accepted client certificates (PEM)
                  --tlsverify        Require client certificates signed by --tlscacert
            """;

    private boolean tls;
    private boolean verify;
    private String cert;
    private String key;
    private String ca;

    /**
     * Takes {@code flag} when it is one of the TLS flags.
     *
     * @return whether it was
     */
    boolean accept(String flag, Flags flags) {
        switch (flag) {
            case "--tls" -> {
                flags.noValue();
                tls = true;
            }
            case "--tlsverify" -> {
                flags.noValue();
                verify = true;
            }
            case "--tlscert" -> cert = flags.value();
            case "--tlskey" -> key = flags.value();
            case "--tlscacert" -> ca = flags.value();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The listeners' TLS settings when any TLS flag was given; a usage error when they are incomplete. */
    Optional<TlsSettings> settings() {
        boolean any = tls || verify || cert != null || key != null || ca != null;
        if (!any) {
            return Optional.empty();
        }
        if (cert == null || key == null) {
            throw new UsageException("TLS needs both --tlscert and --tlskey");
        }
        if (verify && ca == null) {
            throw new UsageException("--tlsverify needs --tlscacert, the CA that signs client certificates");
        }
        return Optional.of(new TlsSettings(Path.of(cert), Path.of(key), Optional.ofNullable(ca).map(Path::of), verify));
    }
}
