package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** GNU tar reads what dockmock writes, and dockmock reads what GNU tar writes (both long-name forms). */
@Timeout(60)
class GnuTarInteropTest {
    private static final Instant T = Instant.parse("2023-01-02T03:04:05Z");
    private static final String LONG_DIR = "d".repeat(120) + "/" + "e".repeat(110);

    @TempDir
    Path dir;

    private static String tar(Path cwd, String... args) throws IOException, InterruptedException {
        Path gnuTar = Path.of("/usr/bin/tar");
        assumeThat(Files.isExecutable(gnuTar)).as("GNU tar installed").isTrue();
        List<String> command = new java.util.ArrayList<>(List.of(gnuTar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void gnuTarExtractsWhatDockmockWrites() throws Exception {
        for (TarWriter.LongNames form : TarWriter.LongNames.values()) {
            Path out = Files.createDirectory(dir.resolve(form.name()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            TarWriter writer = new TarWriter(bytes, form);
            writer.write(TarEntry.directory("app", 0750, T));
            writer.write(TarEntry.file("app/run.sh", "#!/bin/sh\necho hi\n", 0755, T));
            writer.write(TarEntry.file(LONG_DIR + "/long-file.txt", "long", 0640, T));
            writer.write(TarEntry.symlink("app/link", "run.sh", T));
            writer.write(TarEntry.hardlink("app/hard", "app/run.sh", T));
            writer.finish();
            Files.write(out.resolve("a.tar"), bytes.toByteArray());

            String listing = tar(out, "-tvf", "a.tar");
            tar(out, "-xf", "a.tar");

            assertThat(listing).contains("app/link -> run.sh").contains("long-file.txt");
            assertThat(Files.readString(out.resolve("app/run.sh"))).isEqualTo("#!/bin/sh\necho hi\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("app/run.sh")))).isEqualTo("rwxr-xr-x");
            assertThat(Files.getLastModifiedTime(out.resolve("app/run.sh")).toInstant()).isEqualTo(T);
            assertThat(Files.readString(out.resolve(LONG_DIR + "/long-file.txt"))).isEqualTo("long");
            assertThat(Files.readSymbolicLink(out.resolve("app/link")).toString()).isEqualTo("run.sh");
            assertThat(Files.readString(out.resolve("app/hard"))).isEqualTo("#!/bin/sh\necho hi\n");
        }
    }

    @Test
    void dockmockReadsWhatGnuTarWrites() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/" + LONG_DIR));
        Files.writeString(src.resolve("f".repeat(100) + ".txt"), "content");
        Files.createSymbolicLink(dir.resolve("src/link"), Path.of(LONG_DIR + "/" + "f".repeat(100) + ".txt"));
        for (String format : List.of("gnu", "pax")) {
            tar(dir.resolve("src"), "--format=" + format, "-cf", "../" + format + ".tar", ".");

            List<TarEntry> entries = TarReader.read(Files.readAllBytes(dir.resolve(format + ".tar")));

            assertThat(entries).extracting(TarEntry::name).as(format)
                    .contains("", LONG_DIR, LONG_DIR + "/" + "f".repeat(100) + ".txt", "link");
            TarEntry file = entries.stream().filter(e -> e.name().endsWith(".txt")).findFirst().orElseThrow();
            assertThat(file.text()).isEqualTo("content");
            TarEntry link = entries.stream().filter(e -> e.name().equals("link")).findFirst().orElseThrow();
            assertThat(link.linkName()).isEqualTo(LONG_DIR + "/" + "f".repeat(100) + ".txt");
        }
    }
}
