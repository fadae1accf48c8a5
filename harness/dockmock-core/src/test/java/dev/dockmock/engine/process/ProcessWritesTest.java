package dev.dockmock.engine.process;

import static org.junit.jupiter.api.Assertions.assertAll;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shell's output redirections and the applets that write ({@code touch}, {@code mkdir},
 * {@code rm}, {@code tee}) and read files ({@code head}, {@code tail}, {@code wc}), on an
 * in-memory tree like a container's.
 */
class ProcessWritesTest {
    private static final Instant IMAGE_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private static FileTree alpineLike() {
        FileTree tree = FileTree.empty(IMAGE_TIME);
        tree.ensureDirectory("/tmp", IMAGE_TIME);
        tree.set("/etc/hosts", FileNode.file("127.0.0.1\tlocalhost\n::1\tlocalhost\n10.0.0.2\tbox\n", 0644, IMAGE_TIME));
        return tree;
    }

    private static Run sh(String script, boolean readOnly) {
        return Run.sh(alpineLike(), script, readOnly);
    }

    private static Run sh(String script) {
        return sh(script, false);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            echo hello > /tmp/g; echo more >> /tmp/g; cat /tmp/g             => hello|more|
            echo a > /tmp/f; echo b > /tmp/f; cat /tmp/f                      => b|
            echo a > /tmp/f; echo c >| /tmp/f; cat /tmp/f                     => c|
            ls /nope &> /tmp/both; cat /tmp/both                              => ls: /nope: No such file or directory|
            cd /tmp && echo rel > r.txt && cat /tmp/r.txt                     => rel|
            : > /tmp/empty; test -f /tmp/empty && test ! -s /tmp/empty && echo empty => empty|
            echo x > /dev/null; cat /dev/null; echo ok                         => ok|
            mkdir -p /data/x && touch /data/x/f && ls /data/x                 => f|
            mkdir /tmp/d && mkdir -p /tmp/d && ls /tmp                        => d|
            touch /tmp/t && rm /tmp/t && ls /tmp; echo $?                     => 0|
            mkdir -p /a/b && touch /a/b/c && rm -r /a && test -e /a || echo gone => gone|
            echo data | tee /tmp/t /tmp/u; cat /tmp/u                         => data|data|
            echo 1 > /tmp/t; echo 2 | tee -a /tmp/t > /dev/null; cat /tmp/t   => 1|2|
            seq 20 > /tmp/n; head -n 2 /tmp/n; tail -n 1 /tmp/n; wc -l /tmp/n  => 1|2|20|20 /tmp/n|
            seq 3 > /tmp/n; tail -n +2 /tmp/n; head -c 1 /tmp/n; echo          => 2|3|1|
            echo a > /tmp/a; echo b > /tmp/b; head /tmp/a /tmp/b              => ==> /tmp/a <==|a||==> /tmp/b <==|b|
            echo a b > /tmp/a; echo c > /tmp/b; wc /tmp/a /tmp/b              => '        1         2         4 /tmp/a|        1         1         2 /tmp/b|        2         3         6 total|'
            head -n 1 /etc/hosts; wc -l < /etc/hosts                          => 127.0.0.1\tlocalhost|3|
            mkdir /tmp/e; rmdir /tmp/e; ls /tmp; echo $?                      => 0|
            echo a:b:c | cut -d: -f2; echo a:b:c | cut -d: -f1,3 -f2-         => b|b:c|
            printf 'x\\ny:z\\n' | cut -d: -f2; printf 'x\\ny:z\\n' | cut -s -d: -f2 => x|z|z|
            echo abcdef | cut -c2-4; echo abcdef | cut -b-2,5; echo abc | cut -c0 => bcd|abe|a|
            printf 'a\\tb\\tc\\n' | cut -f2; echo a b c | cut -f2            => b|a b c|
            cut -f1 /etc/hosts                                                => 127.0.0.1|::1|10.0.0.2|
            """)
    void writesLandInTheFiles(String script, String expected) {
        sh(script).is(expected.replace("|", "\n").replace("\\t", "\t"), "", 0);
    }

    @Test
    void redirectionFailuresAreAshs() {
        assertAll(
                () -> sh("echo x > /nope/x; echo $?").is("1\n", "sh: can't create /nope/x: nonexistent directory\n", 0),
                () -> sh("echo x > /tmp").is("", "sh: can't create /tmp: Is a directory\n", 1),
                () -> sh("echo x > /etc/hosts/x").is("", "sh: can't create /etc/hosts/x: Not a directory\n", 1),
                () -> sh("echo x > /tmp/x", true).is("", "sh: can't create /tmp/x: Read-only file system\n", 1),
                () -> sh("echo x >> /etc/hosts; echo $?", true)
                        .is("1\n", "sh: can't create /etc/hosts: Read-only file system\n", 0),
                () -> sh("cat /etc/hosts > /dev/null; echo read", true).is("read\n", "", 0));
    }

    @Test
    void appletFailuresAreBusyboxs() {
        assertAll(
                () -> sh("rm /tmp/none").is("", "rm: can't remove '/tmp/none': No such file or directory\n", 1),
                () -> sh("rm -f /tmp/none").is("", "", 0),
                () -> sh("rm /tmp").is("", "rm: '/tmp' is a directory\n", 1),
                () -> sh("rm /etc/hosts/x").is("", "rm: can't stat '/etc/hosts/x': Not a directory\n", 1),
                () -> sh("rm -rf /etc/hosts/x").is("", "rm: can't stat '/etc/hosts/x': Not a directory\n", 1),
                () -> sh("mkdir /tmp").is("", "mkdir: can't create directory '/tmp': File exists\n", 1),
                () -> sh("mkdir /a/b").is("", "mkdir: can't create directory '/a/b': No such file or directory\n", 1),
                () -> sh("touch /nope/x").is("", "touch: /nope/x: No such file or directory\n", 1),
                () -> sh("echo data | tee /nope/x").is("data\n", "tee: /nope/x: No such file or directory\n", 1),
                () -> sh("head -n 1 /tmp/none").is("", "head: /tmp/none: No such file or directory\n", 1),
                () -> sh("echo a > /tmp/a; head /tmp/none /tmp/a").is("\n==> /tmp/a <==\na\n",
                        "head: /tmp/none: No such file or directory\n", 1),
                () -> sh("wc -c /tmp/none /etc/hosts").is("       47 /etc/hosts\n       47 total\n",
                        "wc: /tmp/none: No such file or directory\n", 1),
                () -> sh("rmdir /tmp/none").is("", "rmdir: '/tmp/none': No such file or directory\n", 1),
                () -> sh("rmdir /etc/hosts").is("", "rmdir: '/etc/hosts': Not a directory\n", 1),
                () -> sh("mkdir /tmp/d; touch /tmp/d/f; rmdir /tmp/d").is("", "rmdir: '/tmp/d': Directory not empty\n", 1),
                () -> sh("mkdir -p /a/b/c; rmdir -p /a/b/c; test -e /a || echo gone").is("gone\n",
                        "rmdir: '/': Device or resource busy\n", 0),
                () -> sh("cut -d: -f1 /tmp/none").is("", "cut: /tmp/none: No such file or directory\n", 1),
                () -> sh("echo abc | cut").is("", "cut: expected a list of bytes, characters, or fields\n", 1),
                () -> sh("tail /tmp/none").is("", "tail: can't open '/tmp/none': No such file or directory\ntail: no files\n", 1),
                () -> sh("wc -l /tmp/none").is("", "wc: /tmp/none: No such file or directory\n", 1),
                () -> sh("touch /tmp/x", true).is("", "touch: /tmp/x: Read-only file system\n", 1),
                () -> sh("mkdir /tmp/x", true).is("", "mkdir: can't create directory '/tmp/x': Read-only file system\n", 1),
                () -> sh("rm -f /etc/hosts", true).is("", "rm: can't remove '/etc/hosts': Read-only file system\n", 1));
    }
}
