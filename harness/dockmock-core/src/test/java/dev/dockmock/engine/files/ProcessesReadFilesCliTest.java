package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.EngineCalls;
import dev.dockmock.engine.ServedDockerCli;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Simulated processes read their container's files, with the real CLI: the image's files, the
 * hostname file the daemon writes, and what {@code docker cp} put there.
 */
@Timeout(120)
class ProcessesReadFilesCliTest {
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
