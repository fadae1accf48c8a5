package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.ServedDockerCli;
import dev.dockmock.engine.AlpineDockerCliTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code docker cp}, {@code docker diff} and {@code docker export} with the real CLI, and the
 * same files as simulated processes read them: the image's files, the hostname file the daemon
 * writes, and what {@code docker cp} put there.
 */
@Timeout(120)
class DockerCliFilesTest extends AlpineDockerCliTest {
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

    @Test
    void hostsFileHasDockerdsDefaultsThenAddedHosts() throws Exception {
        ServedDockerCli.Result hosts = docker.run("run", "--rm", "--network", "none", "--add-host", "db.local:10.1.2.3",
                "--add-host", "gw=host-gateway", "alpine", "cat", "/etc/hosts");

        assertThat(hosts.exitCode()).as(hosts.all()).isZero();
        assertThat(hosts.stdout()).isEqualTo("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "fe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n"
                + "10.1.2.3\tdb.local\n127.17.0.1\tgw\n");
    }

    @Test
    void runReadsTheImagesFilesAndItsOwnHostname() throws Exception {
        ServedDockerCli.Result release = docker.run("run", "--rm", "alpine", "cat", "/etc/os-release");
        assertThat(release.exitCode()).as(release.all()).isZero();
        assertThat(release.stdout()).contains("ID=alpine");

        ServedDockerCli.Result hostname = docker.run("run", "--rm", "--hostname", "web-1", "alpine", "cat", "/etc/hostname");
        assertThat(hostname.exitCode()).as(hostname.all()).isZero();
        assertThat(hostname.stdout()).isEqualTo("web-1\n");

        ServedDockerCli.Result directory = docker.run("run", "--rm", "alpine", "cat", "/etc");
        assertThat(directory.exitCode()).isEqualTo(1);
        assertThat(directory.stderr()).isEqualTo("cat: read error: Is a directory\n");

        ServedDockerCli.Result missing = docker.run("run", "--rm", "alpine", "cat", "/etc/nothing-here");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("cat: can't open '/etc/nothing-here': No such file or directory\n");
    }

    @Test
    void execSeesWhatDockerCpPutInTheContainer() throws Exception {
        assertThat(docker.run("run", "-d", "--name", "box", "alpine", "sleep", "1000").exitCode()).isZero();
        Files.writeString(docker.workDir().resolve("app.conf"), "port=8080\n");
        ServedDockerCli.Result copied = docker.run("cp", "app.conf", "box:/etc/app.conf");
        assertThat(copied.exitCode()).as(copied.all()).isZero();

        ServedDockerCli.Result cat = docker.run("exec", "box", "cat", "/etc/app.conf");
        assertThat(cat.exitCode()).as(cat.all()).isZero();
        assertThat(cat.stdout()).isEqualTo("port=8080\n");

        ServedDockerCli.Result script = docker.run("exec", "box", "sh", "-c",
                "test -f /etc/app.conf && echo file; [ -d /etc ] && echo dir; test -e /etc/none || echo none;"
                        + " cd /etc && cat app.conf | head -n 1");
        assertThat(script.exitCode()).as(script.all()).isZero();
        assertThat(script.stdout()).isEqualTo("file\ndir\nnone\nport=8080\n");

        ServedDockerCli.Result read = docker.run("exec", "box", "sh", "-c",
                "while read line; do echo \"got $line\"; done < /etc/app.conf; cat < /etc; echo \"status $?\"");
        assertThat(read.exitCode()).as(read.all()).isZero();
        assertThat(read.stdout()).isEqualTo("got port=8080\nstatus 1\n");
        assertThat(read.stderr()).isEqualTo("sh: can't open /etc: Is a directory\n");

        ServedDockerCli.Result ls = docker.run("exec", "box", "ls", "/etc");
        assertThat(ls.exitCode()).as(ls.all()).isZero();
        assertThat(ls.stdout().lines().toList()).contains("app.conf", "hostname", "os-release", "passwd").isSorted();
    }
}
