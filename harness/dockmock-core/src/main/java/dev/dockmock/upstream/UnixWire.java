package dev.dockmock.upstream;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.ChannelStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * A unix socket connection, read and written through {@link ChannelStreams} so that stdin never
 * waits behind a blocked read of the daemon's output.
 */
final class UnixWire implements Wire {
    private final SocketChannel channel;
    private final InputStream input;
    private final OutputStream output;

    private UnixWire(SocketChannel channel) {
        this.channel = channel;
        this.input = ChannelStreams.input(channel);
        this.output = ChannelStreams.output(channel);
    }

    static UnixWire connect(DockerHost.Unix host) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(host.path()));
            return new UnixWire(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw new IOException("cannot connect to " + host + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void shutdownOutput() throws IOException {
        if (channel.isOpen()) {
            channel.shutdownOutput();
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
