package dev.dockmock.protocol;

import java.io.IOException;

/** Produces a streamed response body; the stream ends when this returns. */
@FunctionalInterface
public interface StreamWriter {

    void writeTo(StreamSink sink) throws IOException, InterruptedException;
}
