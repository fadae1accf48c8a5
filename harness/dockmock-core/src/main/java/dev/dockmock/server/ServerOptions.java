package dev.dockmock.server;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How the server treats its clients: limits, time-outs and unix socket permissions.
 *
 * @param maxRequestLineBytes longest request line accepted; longer gets 431
 * @param maxHeaderBytes largest header section accepted; larger gets 431
 * @param maxHeaderCount most header fields accepted; more gets 431
 * @param maxBodyBytes largest request body accepted; larger gets 413
 * @param headerTimeout how long a client may take to send a request's head and body once it has
 *     begun (slow clients get 408 and are disconnected)
 * @param idleTimeout how long a keep-alive connection may sit idle between requests
 * @param gracePeriod how long {@code close()} waits for requests in flight before cutting them off
 * @param maxConnections connections served at once; more are answered 503 and closed
 * @param socketPermissions the mode of unix socket files this server creates
 * @param log where the server writes its one line per listener and its warnings
 */
public record ServerOptions(
        int maxRequestLineBytes,
        int maxHeaderBytes,
        int maxHeaderCount,
        long maxBodyBytes,
        Duration headerTimeout,
        Duration idleTimeout,
        Duration gracePeriod,
        int maxConnections,
        Set<PosixFilePermission> socketPermissions,
        Consumer<String> log) {

    public ServerOptions {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        Objects.requireNonNull(log, "log");
        socketPermissions = Set.copyOf(socketPermissions);
        if (maxRequestLineBytes < 64 || maxHeaderBytes < 256 || maxHeaderCount < 8 || maxBodyBytes < 0 || maxConnections < 1) {
            throw new IllegalArgumentException("server limits too small to serve Docker clients");
        }
    }

    /** 8 KiB request line, 64 KiB of headers, 256 MiB bodies, 30 s to send a request, 2 min idle, mode 0660. */
    public static ServerOptions defaults() {
        System.Logger logger = System.getLogger("dev.dockmock.server");
        return new ServerOptions(8 * 1024, 64 * 1024, 200, 256L * 1024 * 1024, Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofSeconds(5), 10_000, PosixFilePermissions.fromString("rw-rw----"),
                line -> logger.log(System.Logger.Level.INFO, line));
    }

    public ServerOptions withLog(Consumer<String> newLog) {
        return new ServerOptions(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeout,
                idleTimeout, gracePeriod, maxConnections, socketPermissions, newLog);
    }

    public ServerOptions withLimits(int requestLine, int headers, long body) {
        return new ServerOptions(requestLine, headers, maxHeaderCount, body, headerTimeout, idleTimeout, gracePeriod,
                maxConnections, socketPermissions, log);
    }

    public ServerOptions withTimeouts(Duration header, Duration idle, Duration grace) {
        return new ServerOptions(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, header, idle, grace,
                maxConnections, socketPermissions, log);
    }

    public ServerOptions withMaxConnections(int max) {
        return new ServerOptions(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeout,
                idleTimeout, gracePeriod, max, socketPermissions, log);
    }

    public ServerOptions withSocketPermissions(Set<PosixFilePermission> permissions) {
        return new ServerOptions(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, maxBodyBytes, headerTimeout,
                idleTimeout, gracePeriod, maxConnections, permissions, log);
    }
}
