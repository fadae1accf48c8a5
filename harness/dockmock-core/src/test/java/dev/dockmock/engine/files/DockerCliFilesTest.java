package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.ServedDockerCli;
import dev.dockmock.engine.EngineCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code docker cp}, {@code docker diff} and {@code docker export} with the real CLI. */
@Timeout(120)
class DockerCliFilesTest {
    private final EngineCalls engine = EngineCalls.withAlpine();
    private ServedDockerCli docker;

    @BeforeEach
    void serve() throws Exception {
        docker = ServedDockerCli.serve(engine.engine().dispatcher());
    }

    @AfterEach
    void close() throws Exception {
        if (docker != null) {
            docker.close();
        }
        engine.close();
    }

    @Test
    void copyInDiffCopyOutAndExport() throws Exception {
        ServedDockerCli.Result created = docker.run("create", "--name", "box", "alpine", "sleep", "1000");
        assertThat(created.exitCode()).as(created.all()).isZero();
        Path work = docker.workDir();
        Files.writeString(work.resolve("hello.txt"), "hello from the host\n");

        ServedDockerCli.Result in = docker.run("cp", "hello.txt", "box:/tmp/hello.txt");
        assertThat(in.exitCode()).as(in.all()).isZero();
        ServedDockerCli.Result out = docker.run("cp", "box:/tmp/hello.txt", "back.txt");
        assertThat(out.exitCode()).as(out.all()).isZero();
        assertThat(Files.readString(work.resolve("back.txt"))).isEqualTo("hello from the host\n");

        ServedDockerCli.Result intoDir = docker.run("cp", "hello.txt", "box:/root/");
        assertThat(intoDir.exitCode()).as(intoDir.all()).isZero();
        ServedDockerCli.Result diff = docker.run("diff", "box");
        assertThat(diff.exitCode()).as(diff.all()).isZero();
        assertThat(diff.stdout().lines().toList()).containsExactly("C /root", "A /root/hello.txt", "C /tmp", "A /tmp/hello.txt");

        ServedDockerCli.Result missing = docker.run("cp", "box:/no/such/file", "x");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("Could not find the file /no/such/file in container box");

        ServedDockerCli.Result export = docker.run("export", "-o", "box.tar", "box");
        assertThat(export.exitCode()).as(export.all()).isZero();
        List<TarEntry> exported = TarReader.read(Files.readAllBytes(work.resolve("box.tar")));
        assertThat(exported).extracting(TarEntry::name).contains("etc/os-release", "root/hello.txt", "tmp/hello.txt");
    }

    @Test
    void copyADirectoryBothWays() throws Exception {
        assertThat(docker.run("create", "--name", "box", "alpine", "sleep", "1000").exitCode()).isZero();
        Path work = docker.workDir();
        Files.createDirectories(work.resolve("site/css"));
        Files.writeString(work.resolve("site/index.html"), "<h1>hi</h1>");
        Files.writeString(work.resolve("site/css/a.css"), "h1{}");

        ServedDockerCli.Result in = docker.run("cp", "site", "box:/srv/site");
        assertThat(in.exitCode()).as(in.all()).isZero();
        ServedDockerCli.Result out = docker.run("cp", "box:/srv/site/.", "copy");
        assertThat(out.exitCode()).as(out.all()).isZero();

        assertThat(Files.readString(work.resolve("copy/index.html"))).isEqualTo("<h1>hi</h1>");
        assertThat(Files.readString(work.resolve("copy/css/a.css"))).isEqualTo("h1{}");
    }
}
