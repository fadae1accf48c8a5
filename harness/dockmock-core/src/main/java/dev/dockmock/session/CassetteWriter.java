package dev.dockmock.session;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes a cassette as interactions complete. Each {@link #append} redacts the interaction, writes
 * it as one line and forces it to disk before returning, so a recorder killed with
 * {@code kill -9} (or a lost machine) leaves a cassette holding every interaction that completed.
 * Safe to call from many threads at once, interrupted ones included: the server interrupts a
 * stream's thread when its client hangs up, and that thread then records the stream.
 */
public final class CassetteWriter implements AutoCloseable {
    private final Path file;
    // Not a FileChannel: an interrupt of any appending thread would close it for every later append.
    private final FileOutputStream out;
    private final Redaction redaction;
    private final CassetteHeader header;
    private final long startNanos;
    private boolean closed;
    private int appended;

    private CassetteWriter(Path file, FileOutputStream out, Redaction redaction, CassetteHeader header) {
        this.file = file;
        this.out = out;
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
        FileOutputStream out = new FileOutputStream(file.toFile());
        CassetteWriter writer = new CassetteWriter(file, out, redaction, header);
        try {
            writer.writeLine(JsonBodies.MAPPER.writeValueAsBytes(CassetteCodec.header(header)));
        } catch (IOException | RuntimeException e) {
            out.close();
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
        appended++;
    }

    /** How many interactions have been written so far. */
    public synchronized int appended() {
        return appended;
    }

    private void writeLine(byte[] json) throws IOException {
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        out.write(line);
        out.getFD().sync();
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
            out.close();
        }
    }
}
