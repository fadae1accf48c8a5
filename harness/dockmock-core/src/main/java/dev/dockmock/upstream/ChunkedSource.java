package dev.dockmock.upstream;

import java.io.IOException;

/** A chunked body, decoded: each chunk the daemon sent is one message. */
final class ChunkedSource implements MessageSource {
    private static final int MAX_CHUNK = 64 * 1024 * 1024;

    private final Wire wire;
    private final UpstreamInput input;
    private boolean ended;

    ChunkedSource(Wire wire, UpstreamInput input) {
        this.wire = wire;
        this.input = input;
    }

    @Override
    public byte[] next() throws IOException {
        while (!ended) {
            String sizeLine = input.readLine();
            if (sizeLine == null) {
                throw new IOException("the daemon closed the connection inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("the daemon sent a bad chunk size: \"" + sizeLine + "\"");
            }
            if (size < 0 || size > MAX_CHUNK) {
                throw new IOException("the daemon sent a chunk of " + size + " bytes; the limit is " + MAX_CHUNK);
            }
            if (size == 0) {
                ended = true;
                skipTrailers();
                close();
                return null;
            }
            byte[] data = input.readExactly((int) size);
            String end = input.readLine();
            if (end == null || !end.isEmpty()) {
                throw new IOException("the daemon sent a chunk without its CRLF");
            }
            return data;
        }
        return null;
    }

    private void skipTrailers() throws IOException {
        String line;
        while ((line = input.readLine()) != null && !line.isEmpty()) {
            // trailer fields carry nothing a Docker client reads
        }
    }

    @Override
    public void close() {
        wire.close();
    }
}
