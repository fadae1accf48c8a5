package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TarRoundTripTest {
    private static final Instant T = Instant.parse("2024-05-06T07:08:09Z");

    @Test
    void everyKindOfMemberComesBackAsWritten() {
        List<TarEntry> written = List.of(
                TarEntry.directory("etc", 0755, T),
                TarEntry.file("etc/hosts", "127.0.0.1 localhost\n", 0644, T.plusSeconds(1)),
                TarEntry.file("etc/run.sh", "#!/bin/sh\n", 04755, T.plusSeconds(2)),
                TarEntry.symlink("etc/link", "/etc/hosts", T),
                TarEntry.hardlink("etc/hard", "etc/hosts", T),
                TarEntry.directory("tmp", 01777, T));

        List<TarEntry> read = TarReader.read(TarWriter.archive(written));

        assertThat(read).extracting(TarEntry::name).containsExactly("etc", "etc/hosts", "etc/run.sh", "etc/link", "etc/hard", "tmp");
        assertThat(read).extracting(TarEntry::type).containsExactly(TarEntry.Type.DIRECTORY, TarEntry.Type.FILE,
                TarEntry.Type.FILE, TarEntry.Type.SYMLINK, TarEntry.Type.HARDLINK, TarEntry.Type.DIRECTORY);
        assertThat(read.get(1).text()).isEqualTo("127.0.0.1 localhost\n");
        assertThat(read.get(1).mtime()).isEqualTo(T.plusSeconds(1));
        assertThat(read.get(2).mode()).isEqualTo(04755);
        assertThat(read.get(3).linkName()).isEqualTo("/etc/hosts");
        assertThat(read.get(4).linkName()).isEqualTo("etc/hosts");
        assertThat(read.get(5).mode()).isEqualTo(01777);
    }

    @Test
    void longNamesSurviveInPaxAndGnuForm() throws IOException {
        String deep = "a".repeat(120) + "/" + "b".repeat(90) + "/file.txt";
        String flat = "c".repeat(180);
        String target = "/" + "d".repeat(150);
        List<TarEntry> written = List.of(TarEntry.file(deep, "deep", 0644, T), TarEntry.file(flat, "flat", 0600, T),
                TarEntry.symlink("s", target, T));
        for (TarWriter.LongNames form : TarWriter.LongNames.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TarWriter writer = new TarWriter(out, form);
            for (TarEntry entry : written) {
                writer.write(entry);
            }
            writer.finish();

            List<TarEntry> read = TarReader.read(out.toByteArray());

            assertThat(read).extracting(TarEntry::name).as(form.name()).containsExactly(deep, flat, "s");
            assertThat(read.get(0).text()).isEqualTo("deep");
            assertThat(read.get(1).mode()).isEqualTo(0600);
            assertThat(read.get(2).linkName()).isEqualTo(target);
        }
    }

    @Test
    void namesSplitIntoTheUstarPrefixWhenTheyCan() {
        String name = "p".repeat(140) + "/" + "n".repeat(60);
        byte[] archive = TarWriter.archive(List.of(TarEntry.file(name, "x", 0644, T)));

        assertThat(archive.length).as("no extended header block").isEqualTo(512 + 512 + 1024);
        assertThat(TarReader.read(archive).get(0).name()).isEqualTo(name);
    }

    @Test
    void gzipArchivesAreReadToo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(TarWriter.archive(List.of(TarEntry.file("Dockerfile", "FROM alpine\n", 0644, T))));
        }

        assertThat(TarReader.read(bytes.toByteArray()).get(0).text()).isEqualTo("FROM alpine\n");
    }

    @Test
    void namesAreCleanedAndTheRootIsEmpty() {
        byte[] archive = TarWriter.archive(List.of(TarEntry.directory(".", 0755, T), TarEntry.file("./a//b/../c", "x", 0644, T)));

        assertThat(TarReader.read(archive)).extracting(TarEntry::name).containsExactly("", "a/c");
    }

    @Test
    void anEmptyBodyIsAnEmptyArchive() {
        assertThat(TarReader.read(new byte[0])).isEmpty();
    }
}
