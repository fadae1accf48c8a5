package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checksums, {@code base64}, {@code tac}, {@code rev}, {@code expr}, {@code find} and {@code mktemp}, as busybox 1.35 prints them. */
class MoreAppletsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Run sh(String script) {
        FileTree tree = FileTree.empty(T);
        tree.ensureDirectory("/tmp", T);
        tree.set("/tmp/f", FileNode.file("hello\n", 0644, T));
        return Run.sh(tree, script, false);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            md5sum /tmp/f; sha1sum /tmp/f                     => b1946ac92492d2347c6235b4d2611184  /tmp/f|f572d396fae9206628714fb2ce00f72e94f2258f  /tmp/f|
            sha256sum /tmp/f                                  => 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  /tmp/f|
            echo hi | sha256sum                               => 98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4  -|
            echo hello | base64; echo aGVsbG8K | base64 -d    => aGVsbG8K|hello|
            printf '%s' $(seq 40 | tr -d '\\n') | base64       => MTIzNDU2Nzg5MTAxMTEyMTMxNDE1MTYxNzE4MTkyMDIxMjIyMzI0MjUyNjI3MjgyOTMwMzEzMjMz|MzQzNTM2MzczODM5NDA=|
            printf 'a\\nb\\nc\\n' | tac; echo abc | rev        => c|b|a|cba|
            expr 1 + 2; expr 7 \\* 3; expr 5 - 9; expr length hello => 3|21|-4|5|
            expr 3 \\> 2; expr 2 = 3; echo $?; expr \\( 1 + 2 \\) \\* 2 => 1|0|1|6|
            mkdir -p /x/y; touch /x/a.txt /x/y/b.txt /x/y/c.log; find /x => /x|/x/a.txt|/x/y|/x/y/b.txt|/x/y/c.log|
            mkdir -p /x/y; touch /x/a.txt /x/y/b.txt /x/y/c.log; find /x -name '*.txt'; find /x -type d => /x/a.txt|/x/y/b.txt|/x|/x/y|
            mkdir -p /x/y; touch /x/y/c.log; find /x -type f -name '*.log'; find /x -maxdepth 1 => /x/y/c.log|/x|/x/y|
            echo a b c | xargs echo x; printf '1\\n2\\n3\\n' | xargs -n 2 echo => x a b c|1 2|3|
            printf 'f1\\nf2\\n' | xargs -I {} echo file {}; echo | xargs echo empty => file f1|file f2|empty|
            echo a | xargs false; echo $?; echo 'a b' | xargs; printf 'x y\\n' | xargs -n1 => 123|a b|x|y|
            mkdir -p /x; touch /x/1 /x/2; find /x -type f | xargs rm; ls /x; echo done => done|
            """)
    void printAsBusybox(String script, String expected) {
        sh(script).is(expected.replace("|", "\n"), "", 0);
    }

    @Test
    void failures() {
        assertAll(
                () -> sh("md5sum /nope").is("", "md5sum: can't open '/nope': No such file or directory\n", 1),
                () -> sh("find /nope").is("", "find: /nope: No such file or directory\n", 1),
                () -> sh("expr 1 / 0").is("", "expr: division by zero\n", 2),
                () -> sh("expr 1 +").is("", "expr: syntax error\n", 2),
                () -> sh("echo a | xargs nosuch").is("", "xargs: nosuch: No such file or directory\n", 127));
    }

    @Test
    void mktempCreatesWhatItNames() {
        Run made = sh("f=$(mktemp); test -f $f && echo $f; d=$(mktemp -d); test -d $d && echo $d");

        assertThat(made.out()).matches("/tmp/tmp\\.[A-Za-z0-9]{6}\n/tmp/tmp\\.[A-Za-z0-9]{6}\n");
    }
}
