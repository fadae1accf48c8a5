package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import dev.dockmock.engine.ServedDockerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Read and search permission for a non-root process ({@code --user}, {@code exec -u}), through the
 * real docker CLI: what busybox prints and the exit codes. The expected text is what dockerd
 * 20.10's busybox printed for the same commands (dockmock's alpine has Alpine's {@code /etc/shadow},
 * 0640 root:shadow; the reference image got one made with the same mode).
 */
@Timeout(120)
class DockerCliReadPermissionTest extends AlpineDockerCliTest {

    @Test
    void aUserMayNotReadWhatOnlyRootMay() throws Exception {
        ServedDockerCli.Result cat = docker.run("run", "--rm", "--user", "1000", "alpine", "cat", "/etc/shadow");
        assertThat(cat.exitCode()).isEqualTo(1);
        assertThat(cat.stdout()).isEmpty();
        assertThat(cat.stderr()).isEqualTo("cat: can't open '/etc/shadow': Permission denied\n");

        ServedDockerCli.Result ls = docker.run("run", "--rm", "--user", "1000", "alpine", "ls", "/root");
        assertThat(ls.exitCode()).isEqualTo(1);
        assertThat(ls.stderr()).isEqualTo("ls: can't open '/root': Permission denied\n");

        ServedDockerCli.Result redirect = docker.run("run", "--rm", "--user", "1000", "alpine", "sh", "-c", "cat < /etc/shadow");
        assertThat(redirect.exitCode()).isEqualTo(1);
        assertThat(redirect.stderr()).isEqualTo("sh: can't open /etc/shadow: Permission denied\n");

        // root is not checked, and the shadow group may read it
        assertThat(ok("run", "--rm", "alpine", "cat", "/etc/shadow").stdout()).startsWith("root:");
        assertThat(ok("run", "--rm", "--user", "1000:42", "alpine", "cat", "/etc/shadow").stdout()).startsWith("root:");
    }

    @Test
    void eachAppletComplainsInItsOwnWords() throws Exception {
        ServedDockerCli.Result run = docker.run("run", "--rm", "--user", "nobody", "alpine", "sh", "-c",
                "head /etc/shadow; echo $?; tail /etc/shadow; echo $?; wc -l /etc/shadow /etc/hostname; echo $?;"
                        + " grep x /etc/shadow; echo $?; sort /etc/shadow; echo $?; md5sum /etc/shadow; echo $?;"
                        + " cp /etc/shadow /tmp/s; echo $?; ls -l /root; echo $?");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("1\n1\n        1 /etc/hostname\n        1 total\n1\n2\n2\n1\n1\ntotal 0\n1\n");
        assertThat(run.stderr()).isEqualTo("head: /etc/shadow: Permission denied\n"
                + "tail: can't open '/etc/shadow': Permission denied\ntail: no files\n"
                + "wc: /etc/shadow: Permission denied\n"
                + "grep: /etc/shadow: Permission denied\n"
                + "sort: /etc/shadow: Permission denied\n"
                + "md5sum: can't open '/etc/shadow': Permission denied\n"
                + "cp: can't open '/etc/shadow': Permission denied\n"
                + "ls: can't open '/root': Permission denied\n");
    }

    @Test
    void aDirectoryWithoutSearchPermissionHidesWhatIsBelowIt() throws Exception {
        ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
        ok("exec", "box", "sh", "-c", "mkdir -p /d /s/open && echo x > /d/f && chmod 700 /d /s && chmod 777 /s/open");
        ServedDockerCli.Result reads = docker.run("exec", "-u", "1000", "box", "sh", "-c",
                "cat /d/f; cat /d/nope; ls -l /d/f; stat /d/f; rm -f /d/f; mv /d/f /tmp; [ -e /d/f ]; echo $?");
        assertThat(reads.stdout()).isEqualTo("1\n");
        assertThat(reads.stderr()).isEqualTo("cat: can't open '/d/f': Permission denied\n"
                + "cat: can't open '/d/nope': Permission denied\n"
                + "ls: /d/f: Permission denied\n"
                + "stat: can't stat '/d/f': Permission denied\n"
                + "rm: can't stat '/d/f': Permission denied\n"
                + "mv: can't rename '/d/f': Permission denied\n");
        // /s/open may be written by anyone, but no one but root gets through /s to it
        ServedDockerCli.Result writes = docker.run("exec", "-u", "1000", "box", "sh", "-c",
                "echo x > /s/open/f; touch /s/open/g; mkdir /s/open/h; cd /s/open");
        assertThat(writes.exitCode()).isEqualTo(2);
        assertThat(writes.stderr()).isEqualTo("sh: can't create /s/open/f: Permission denied\n"
                + "touch: /s/open/g: Permission denied\n"
                + "mkdir: can't create directory '/s/open/h': Permission denied\n"
                + "sh: cd: line 1: can't cd to /s/open: Permission denied\n");
        assertThat(ok("exec", "box", "sh", "-c", "cat /d/f; ls /s/open").stdout()).isEqualTo("x\n");
    }

    @Test
    void walksReportWhatTheyMayNotOpenAndGoOn() throws Exception {
        ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
        ok("exec", "box", "sh", "-c", "mkdir -p /d /t/a /t/b && echo x > /d/f && echo y > /t/a/y && echo z > /t/b/z"
                + " && chmod 700 /d /t/a && chmod 600 /t/b/z");
        // busybox walks in the directory's order, dockmock in name order: the lines are compared as sets
        ServedDockerCli.Result find = docker.run("exec", "-u", "1000", "box", "find", "/t");
        assertThat(find.exitCode()).isEqualTo(1);
        assertThat(find.stdout().lines()).containsExactlyInAnyOrder("/t", "/t/a", "/t/b", "/t/b/z");
        assertThat(find.stderr()).isEqualTo("find: /t/a: Permission denied\n");

        ServedDockerCli.Result du = docker.run("exec", "-u", "1000", "box", "du", "/t", "/d/f");
        assertThat(du.exitCode()).isEqualTo(1);
        assertThat(du.stdout()).isEqualTo("8\t/t/b\n16\t/t\n");
        assertThat(du.stderr().lines()).containsExactlyInAnyOrder("du: can't open '/t/a': Permission denied", "du: /d/f: Permission denied");

        ServedDockerCli.Result tar = docker.run("exec", "-u", "1000", "box", "sh", "-c",
                "tar cf /tmp/t.tar /t /d/f; echo $?; tar tf /tmp/t.tar | sort");
        assertThat(tar.stdout()).isEqualTo("1\nt/\nt/a/\nt/b/\n");
        assertThat(tar.stderr().lines()).containsExactlyInAnyOrder("tar: removing leading '/' from member names",
                "tar: /t/a: Permission denied", "tar: can't open '/t/b/z': Permission denied", "tar: /d/f: Permission denied",
                "tar: error exit delayed from previous errors");
    }

    @Test
    void theUsersOwnPrivateDirectoryStaysItsOwn() throws Exception {
        assertThat(ok("run", "--rm", "--user", "1000", "alpine", "sh", "-c",
                "cd /tmp && mkdir p && chmod 700 p && echo hi > p/f && cat p/f && ls p && ls -ld p | cut -c1-10").stdout())
                .isEqualTo("hi\nf\ndrwx------\n");
    }

    @Test
    void testAnswersForTheProcesssUser() throws Exception {
        ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
        ok("exec", "box", "sh", "-c", "echo 'echo ran' > /run.sh && chmod 711 /run.sh && echo x > /own && chmod 600 /own");
        String probes = "for t in '-r /etc/shadow' '-w /etc/shadow' '-r /etc/passwd' '-x /run.sh' '-x /own' '-r /tmp'"
                + " '-w /tmp' '-w /etc' '-x /root' '-r /root'; do test $t; printf %s $?; done; echo";
        assertThat(ok("exec", "-u", "1000", "box", "sh", "-c", probes).stdout()).isEqualTo("1100100111\n");
        // root: -r and -w always, -x with any x bit or for a directory
        assertThat(ok("exec", "box", "sh", "-c", probes).stdout()).isEqualTo("0000100000\n");
        assertThat(ok("exec", "-u", "1000", "box", "sh", "-c", "[ -x /run.sh ] && [ ! -r /run.sh ] && echo yes").stdout())
                .isEqualTo("yes\n");
    }

    @Test
    void scriptsAreOpenedWithTheUsersRights() throws Exception {
        ok("run", "-d", "--name", "box", "alpine", "sleep", "1000");
        ok("exec", "box", "sh", "-c", "echo 'echo sourced $0 $1' > /s.sh && cp /s.sh /open.sh && chmod 600 /s.sh");
        ServedDockerCli.Result file = docker.run("exec", "-u", "1000", "box", "sh", "/s.sh");
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.stderr()).isEqualTo("sh: can't open '/s.sh': Permission denied\n");
        ServedDockerCli.Result dot = docker.run("exec", "-u", "1000", "box", "sh", "-c", ". /s.sh; echo after");
        assertThat(dot.exitCode()).isEqualTo(2);
        assertThat(dot.stdout()).isEmpty();
        assertThat(dot.stderr()).isEqualTo("sh: .: line 1: can't open '/s.sh': Permission denied\n");
        assertThat(ok("exec", "-u", "1000", "box", "sh", "/open.sh", "a").stdout()).isEqualTo("sourced /open.sh a\n");
        assertThat(ok("exec", "-u", "1000", "box", "sh", "-c", ". /open.sh b").stdout()).isEqualTo("sourced sh b\n");
        assertThat(ok("exec", "box", "sh", "/s.sh").stdout()).isEqualTo("sourced /s.sh\n");
    }
}
