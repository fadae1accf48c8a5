package dev.dockmock.cli.soak;

import dev.dockmock.protocol.DockerHost;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Follows {@code GET /events} (containers only) on a unix socket for the whole soak, counting the
 * chunks that arrive, so a long-lived stream is part of the load. It ends when the server closes
 * the stream, which it does when the soak closes the server.
 */
final class EventFollower {
    private EventFollower() {
    }

    static void follow(DockerHost.Unix host, SoakTally tally) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(host.path()));
            channel.write(java.nio.ByteBuffer.wrap(("GET /v1.50/events?filters=%7B%22type%22%3A%5B%22container%22%5D%7D HTTP/1.1\r\n"
                    + "Host: docker\r\nUser-Agent: dockmock-soak\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            while (!line(in).isEmpty()) {
                // the answer's head
            }
            while (true) {
                long size = Long.parseLong(line(in).trim(), 16);
                if (size == 0) {
                    return;
                }
                in.skipNBytes(size);
                line(in);
                tally.event();
            }
        } catch (IOException | RuntimeException e) {
            // the server ends the stream when the soak closes it
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the stream ended");
            }
            if (c != '\r') {
                text.append((char) c);
            }
        }
        return text.toString();
    }
}
