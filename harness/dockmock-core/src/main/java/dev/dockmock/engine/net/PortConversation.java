package dev.dockmock.engine.net;

import dev.dockmock.engine.process.PortAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What a client connected to a published port gets, as its container's behaviour declares. */
final class PortConversation {

    /** Ends the sending side of the connection. */
    interface HalfClose {
        void run() throws IOException;
    }

    private PortConversation() {
    }

    static void run(PortAnswer answer, InputStream in, OutputStream out, HalfClose halfClose) throws IOException {
        if (answer instanceof PortAnswer.Ryuk) {
            ryuk(in, out);
        } else if (answer instanceof PortAnswer.Banner banner) {
            if (banner.afterRequest() && in.read(new byte[4096]) < 0) {
                return;
            }
            out.write(banner.bytes());
            out.flush();
            halfClose.run();
            in.transferTo(OutputStream.nullOutputStream());
        } else {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Ryuk's protocol: one line of label filters in, {@code ACK} out. */
    private static void ryuk(InputStream in, OutputStream out) throws IOException {
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                out.write("ACK\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
    }
}
