package dev.dockmock.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.EngineCalls;
import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarWriter;
import dev.dockmock.protocol.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Build contexts sent compressed: gzip is read, the others dockerd reads are refused by name. */
class BuildContextCompressionTest {
    private static final Instant T = Instant.parse("2024-03-04T05:06:07Z");
    private final EngineCalls engine = EngineCalls.withAlpine();

    @AfterEach
    void close() {
        engine.close();
    }

    private static byte[] context() {
        return TarWriter.archive(List.of(TarEntry.file("Dockerfile", "FROM alpine\nLABEL zipped=yes\n", 0644, T)));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void aGzippedTarIsTheContextItHolds() throws IOException {
        ApiResponse built = engine.call("POST", "/v1.50/build?t=zipped", gzip(context()), "application/tar");

        assertThat(EngineCalls.text(built)).contains("Successfully tagged zipped:latest");
        assertThat(EngineCalls.json(engine.call("GET", "/images/zipped/json")).path("Config").path("Labels").path("zipped").asText())
                .isEqualTo("yes");
    }

    @Test
    void gzipAroundSomethingElseAndBzip2AreHttpErrors() throws IOException {
        ApiResponse notTar = engine.call("POST", "/build", gzip("FROM alpine\n".getBytes()), "application/tar");
        assertThat(notTar.status()).isEqualTo(400);
        assertThat(EngineCalls.json(notTar).path("message").asText()).isEqualTo("the gzip-compressed build context is not a tar archive");

        byte[] bzip2 = "BZh91AY&SY fake bzip2 stream".getBytes();
        ApiResponse refused = engine.call("POST", "/build", bzip2, "application/tar");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(EngineCalls.json(refused).path("message").asText()).startsWith("dockmock reads build contexts plain or gzip-compressed, not bzip2");
    }
}
