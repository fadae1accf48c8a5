package dev.dockmock.engine.build;

import dev.dockmock.protocol.DockerException;

/**
 * The compressions dockerd unpacks a build context from besides gzip (bzip2, xz, zstd), which the
 * JDK cannot read: such a context is refused by name instead of being taken for a Dockerfile.
 */
final class BuildContextCompression {
    private static final byte[] BZIP2 = {'B', 'Z', 'h'};
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    private BuildContextCompression() {
    }

    /** @throws DockerException 400 when {@code body} starts with bzip2's, xz's or zstd's magic number */
    static void refuseUnreadable(byte[] body) {
        String name = startsWith(body, BZIP2) ? "bzip2" : startsWith(body, XZ) ? "xz" : startsWith(body, ZSTD) ? "zstd" : null;
        if (name != null) {
            throw new DockerException(400, "dockmock reads build contexts plain or gzip-compressed, not " + name
                    + "-compressed; send the tar uncompressed or gzipped");
        }
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
