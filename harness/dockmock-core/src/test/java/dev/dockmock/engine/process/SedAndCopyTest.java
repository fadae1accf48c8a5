package dev.dockmock.engine.process;

import static org.junit.jupiter.api.Assertions.assertAll;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code sed}, {@code cp} and {@code mv} in a shell, with busybox 1.35's output (checked in a real dockerd first). */
class SedAndCopyTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Run sh(String script) {
        FileTree tree = FileTree.empty(T);
        tree.ensureDirectory("/tmp", T);
        tree.set("/tmp/f", FileNode.file("one two\nthree two\n", 0644, T));
        return Run.sh(tree, script, false);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            sed s/two/2/ /tmp/f; sed 's/o/0/g' /tmp/f                         => one 2|three 2|0ne tw0|three tw0|
            sed -n '/three/p' /tmp/f; sed 1d /tmp/f                           => three two|three two|
            sed -e s/one/1/ -e s/three/3/ /tmp/f                              => 1 two|3 two|
            printf 'a\\nb\\nc\\n' | sed -n 2p; printf 'a\\nb\\nc\\n' | sed '$d' => b|a|b|
            printf 'a\\nb\\nc\\n' | sed '2,3s/^/> /'                           => a|> b|> c|
            printf 'a.b\\n' | sed 's/\\./-/'; printf 'path/x\\n' | sed 's|/|:|' => a-b|path:x|
            printf 'k=1\\n' > /tmp/c; sed -i 's/1/2/' /tmp/c; cat /tmp/c       => k=2|
            echo ab | sed 's/\\(a\\)\\(b\\)/\\2\\1/'; echo aaa | sed -E 's/a+/x/' => ba|x|
            echo hello | sed 's/l/L/2'; echo hi | sed 's/hi/&&/'; echo abc | sed 2q => helLo|hihi|abc|
            cp /tmp/f /tmp/g; mv /tmp/g /tmp/h; ls /tmp; cat /tmp/h           => f|h|one two|three two|
            mkdir /d; cp /tmp/f /d; cp -r /d /e; mv /tmp/f /d/z; ls /d; ls /e => f|z|f|
            """)
    void editsAndCopiesAsBusybox(String script, String expected) {
        sh(script).is(expected.replace("|", "\n"), "", 0);
    }

    @Test
    void failuresAreBusyboxs() {
        assertAll(
                () -> sh("sed s/a/b/ /nope").is("", "sed: /nope: No such file or directory\n", 1),
                () -> sh("echo x | sed 's/a/b'").is("", "sed: unmatched '/'\n", 1),
                () -> sh("cp /nope /tmp/x").is("", "cp: can't stat '/nope': No such file or directory\n", 1),
                () -> sh("mv /nope /tmp/y").is("", "mv: can't rename '/nope': No such file or directory\n", 1),
                () -> sh("mkdir /d; cp /d /e").is("", "cp: omitting directory '/d'\n", 1));
    }
}
