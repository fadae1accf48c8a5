package dev.dockmock.protocol;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Docker host string, parsed: where a listener binds or a client connects. The forms are
 * dockerd's and classic Swarm's: {@code unix:///abs/path}, {@code tcp://host:port},
 * {@code tcp://host} (port 2375, or 2376 with TLS), {@code host:port} and {@code :port}
 * (tcp by default), {@code tcp://[::1]:port}. Port {@code 0} asks for an ephemeral port.
 */
public sealed interface DockerHost {

    /** The default plain tcp port, as dockerd uses it. */
    int DEFAULT_PORT = 2375;
    /** The default tcp port when TLS is on. */
    int DEFAULT_TLS_PORT = 2376;
    /** The host used when a tcp host string names only a port: loopback, never all interfaces. */
    String DEFAULT_TCP_HOST = "127.0.0.1";

    /** The forms accepted, for error messages. */
    String ACCEPTED_FORMS = "unix:///absolute/path, tcp://host:port, tcp://host, host:port or :port";

    /** A unix domain socket at an absolute path. */
    record Unix(Path path) implements DockerHost {
        public Unix {
            Objects.requireNonNull(path, "path");
            if (!path.isAbsolute()) {
                throw new DockerHostException("unix socket path must be absolute, got \"" + path + "\"");
            }
        }

        @Override
        public String toString() {
            return "unix://" + path;
        }
    }

    /** A tcp address; {@code host} is a name or an IP literal without brackets. */
    record Tcp(String host, int port) implements DockerHost {
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new DockerHostException("port out of range in \"" + host + ":" + port + "\": must be 0 to 65535");
            }
        }

        /** The same host on another port, for reporting what an ephemeral bind got. */
        public Tcp withPort(int newPort) {
            return new Tcp(host, newPort);
        }

        @Override
        public String toString() {
            return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** Parses a host string with the plain-tcp default port. */
    static DockerHost parse(String text) {
        return parse(text, false);
    }

    /**
     * Parses a host string.
     *
     * @param tls whether TLS is on, which makes the default tcp port 2376
     * @throws DockerHostException with a message naming the problem and the accepted forms
     */
    static DockerHost parse(String text, boolean tls) {
        return DockerHostParser.parse(text, tls ? DEFAULT_TLS_PORT : DEFAULT_PORT);
    }

    /** Thrown for a host string that cannot be used; the message says why and what is accepted. */
    final class DockerHostException extends IllegalArgumentException {
        public DockerHostException(String message) {
            super(message);
        }
    }

    /** The scheme as written in a host string: {@code unix} or {@code tcp}. */
    default String scheme() {
        return this instanceof Unix ? "unix" : "tcp";
    }
}
