package dev.dockmock.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes a cassette as interactions complete. Each {@link #append} redacts the interaction, writes
 * it as one line and forces it to disk before returning, so a recorder killed with
 * {@code kill -9} (or a lost machine) leaves a cassette holding every interaction that completed.
 * Safe to call from many threads at once.
 */
public final class CassetteWriter implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final Redaction redaction;
    private final CassetteHeader header;
    private final long startNanos;
    private boolean closed;

    private CassetteWriter(Path file, FileChannel channel, Redaction redaction, CassetteHeader header) {
        this.file = file;
        this.channel = channel;
        this.redaction = redaction;
        this.header = header;
        this.startNanos = System.nanoTime();
    }

    /**
     * Creates (or replaces) {@code file} and writes the header line.
     *
     * @param redaction what to mask before anything is written
     */
    public static CassetteWriter create(Path file, CassetteHeader header, Redaction redaction) throws IOException {
        Objects.requireNonNull(redaction, "redaction");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        CassetteWriter writer = new CassetteWriter(file, channel, redaction, header);
        try {
            writer.writeLine(JsonBodies.MAPPER.writeValueAsBytes(CassetteCodec.header(header)));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return writer;
    }

    /** A cassette of {@code source} with the default redaction. */
    public static CassetteWriter create(Path file, String source) throws IOException {
        return create(file, CassetteHeader.now(source), Redaction.defaults());
    }

    /**
     * Redacts {@code interaction}, appends it as one line and forces it to disk.
     *
     * @throws IOException when the file cannot be written or the writer is closed
     */
    public synchronized void append(Interaction interaction) throws IOException {
        if (closed) {
            throw new IOException("cassette " + file + " is closed; " + interaction.describe() + " was not written");
        }
        writeLine(JsonBodies.MAPPER.writeValueAsBytes(CassetteCodec.interaction(redaction.apply(interaction))));
    }

    private void writeLine(byte[] json) throws IOException {
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(false);
    }

    /** Where {@link System#nanoTime()} stood when recording started: interaction offsets count from it. */
    public long startNanos() {
        return startNanos;
    }

    public Path file() {
        return file;
    }

    public CassetteHeader header() {
        return header;
    }

    public Redaction redaction() {
        return redaction;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }
}
