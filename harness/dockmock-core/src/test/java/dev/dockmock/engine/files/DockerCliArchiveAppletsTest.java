package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code tar} and {@code gzip} inside a container, through the real docker CLI: an archive made
 * in the container and copied out with {@code docker cp} holds what was copied in, and one made
 * on the host unpacks inside it.
 */
@Timeout(120)
class DockerCliArchiveAppletsTest extends AlpineDockerCliTest {

    @Test
    void anArchiveMadeInsideComesOutWhole() throws Exception {
        Path site = Files.createDirectories(docker.workDir().resolve("site/css"));
        Files.writeString(site.resolveSibling("index.html"), "<h1>hi</h1>\n");
        Files.writeString(site.resolve("main.css"), "body {}\n");
        ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
        ok("cp", "site", "box:/srv/site");

        ok("exec", "box", "tar", "czf", "/tmp/site.tgz", "-C", "/srv/site", ".");
        assertThat(ok("exec", "box", "tar", "tzf", "/tmp/site.tgz").stdout())
                .isEqualTo("./\n./css/\n./css/main.css\n./index.html\n");
        ok("cp", "box:/tmp/site.tgz", "site.tgz");

        List<TarEntry> entries = TarReader.read(Files.readAllBytes(docker.workDir().resolve("site.tgz")));
        assertThat(entries).extracting(TarEntry::name).containsExactly("", "css", "css/main.css", "index.html");
        assertThat(entries.get(3).text()).isEqualTo("<h1>hi</h1>\n");
        assertThat(entries.get(2).text()).isEqualTo("body {}\n");
    }

    @Test
    void anArchiveMadeOnTheHostUnpacksInside() throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        byte[] tar = TarWriter.archive(List.of(TarEntry.directory("app", 0755, now),
                TarEntry.file("app/run.sh", "#!/bin/sh\necho run\n", 0755, now),
                TarEntry.file("app/conf/settings.ini", "debug=1\n", 0600, now)));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(tar);
        }
        Files.write(docker.workDir().resolve("app.tgz"), gzipped.toByteArray());
        ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
        ok("cp", "app.tgz", "box:/tmp/app.tgz");

        ok("exec", "box", "sh", "-c", "mkdir /opt/x && tar xzf /tmp/app.tgz -C /opt/x");
        assertThat(ok("exec", "box", "cat", "/opt/x/app/conf/settings.ini").stdout()).isEqualTo("debug=1\n");
        assertThat(ok("exec", "box", "stat", "-c", "%a %n", "/opt/x/app/run.sh", "/opt/x/app/conf/settings.ini").stdout())
                .isEqualTo("755 /opt/x/app/run.sh\n600 /opt/x/app/conf/settings.ini\n");
        assertThat(ok("exec", "box", "sh", "-c", "gunzip /tmp/app.tgz && ls /tmp && tar tf /tmp/app.tar").stdout())
                .isEqualTo("app.tar\napp/\napp/run.sh\napp/conf/settings.ini\n");
        ok("cp", "box:/opt/x/app/run.sh", "run.sh");
        assertThat(Files.readString(docker.workDir().resolve("run.sh"))).isEqualTo("#!/bin/sh\necho run\n");
    }
}
