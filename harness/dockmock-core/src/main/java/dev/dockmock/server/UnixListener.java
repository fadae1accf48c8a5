package dev.dockmock.server;

import dev.dockmock.protocol.DockerHost;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * A unix socket listener. The socket is bound inside a fresh directory that only this user can
 * enter, given its mode there, and then renamed into place, so there is no moment at which
 * others could connect to it with the wrong permissions (except for a target within three bytes
 * of the path limit, see {@link #stagingDirectory}).
 */
final class UnixListener implements Listener {
    /** sun_path holds 108 bytes with the terminating NUL; the JDK binds paths of at most 106. */
    static final int MAX_PATH_BYTES = 106;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSocketChannel channel;
    private final DockerHost.Unix host;
    private final Object fileKey;
    private final Set<PosixFilePermission> permissions;

    private UnixListener(ServerSocketChannel channel, DockerHost.Unix host, Object fileKey, Set<PosixFilePermission> permissions) {
        this.channel = channel;
        this.host = host;
        this.fileKey = fileKey;
        this.permissions = permissions;
    }

    static UnixListener bind(DockerHost.Unix host, Set<PosixFilePermission> permissions) throws IOException {
        Path target = host.path();
        int length = target.toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_PATH_BYTES) {
            throw new IOException("cannot listen on " + host + ": unix socket paths are limited to " + MAX_PATH_BYTES
                    + " bytes and this one has " + length + "; choose a shorter path");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        refuseIfInUse(host);
        Path staging = stagingDirectory(parent);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Path staged = staging == null ? target : staging.resolve("s");
        try {
            server.bind(UnixDomainSocketAddress.of(staged), 1024);
            Files.setPosixFilePermissions(staged, permissions);
            if (staging != null) {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Object key = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return new UnixListener(server, host, key, permissions);
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(staged);
            throw new IOException("cannot listen on " + host + ": " + describe(e), e);
        } finally {
            if (staging != null) {
                Files.deleteIfExists(staging);
            }
        }
    }

    /**
     * A fresh directory next to the target that only this user can enter, named short enough for
     * {@code <dir>/s} to fit the path limit. Null when even one character does not fit (a target
     * within three bytes of the limit): the socket is then bound in place and its mode set just
     * after, leaving a moment in which the umask decides who may connect.
     */
    private static Path stagingDirectory(Path parent) throws IOException {
        int digits = Math.min(8, MAX_PATH_BYTES - parent.toString().getBytes(StandardCharsets.UTF_8).length - "/./s".length());
        if (digits < 1) {
            return null;
        }
        for (int attempt = 0; ; attempt++) {
            String name = "." + HexFormat.of().toHexDigits(RANDOM.nextLong()).substring(16 - digits);
            try {
                return Files.createDirectory(parent.resolve(name),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 64) {
                    throw taken;
                }
            }
        }
    }

    /** Replaces a socket file a dead process left; refuses one that a live server answers on. */
    private static void refuseIfInUse(DockerHost.Unix host) throws IOException {
        Path path = host.path();
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
            throw new IOException("cannot listen on " + host + ": " + path + " exists and is not a socket; remove it or choose another path");
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            throw new IOException("cannot listen on " + host + ": a server is already answering on " + path
                    + ": is Docker or another dockmock already running on this machine? Stop it or choose another path");
        } catch (ConnectException stale) {
            Files.deleteIfExists(path);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public DockerHost bound() {
        return host;
    }

    @Override
    public Transport accept() throws IOException {
        return new UnixTransport(channel.accept(), host.toString());
    }

    @Override
    public void closeKeepingFile() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a closed listener
        }
    }

    @Override
    public boolean open() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        closeKeepingFile();
        try {
            Path path = host.path();
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                    && fileKey != null
                    && fileKey.equals(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey())) {
                Files.delete(path);
            }
        } catch (IOException ignored) {
            // someone else removed or replaced it; it is not ours to delete
        }
    }

    @Override
    public String describe() {
        return "listening on " + host + " (unix socket, mode " + PosixFilePermissions.toString(permissions) + ")";
    }
}
