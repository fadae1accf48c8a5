package dev.dockmock.engine.process;

import static org.junit.jupiter.api.Assertions.assertAll;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code grep}, {@code sort}, {@code uniq} and {@code tr} in a shell, with busybox 1.35's output
 * and exit codes (each case was run in a real dockerd's busybox container first).
 */
class FilterAppletsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Run sh(String script) {
        FileTree tree = FileTree.empty(T);
        tree.ensureDirectory("/tmp", T);
        tree.set("/tmp/fruit", FileNode.file("apple\nBanana\ncherry\napple pie\n", 0644, T));
        tree.set("/tmp/g", FileNode.file("a3\n", 0644, T));
        return Run.sh(tree, script, false);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            grep apple /tmp/fruit; echo $?                                   => apple|apple pie|0|
            grep -i banana /tmp/fruit; grep -v a /tmp/fruit                   => Banana|cherry|
            grep -c a /tmp/fruit; grep -n an /tmp/fruit; grep -q zzz /tmp/fruit; echo $? => 3|2:Banana|1|
            grep a /tmp/fruit /tmp/g | tail -n 2; grep -l a /tmp/fruit /tmp/g => /tmp/fruit:apple pie|/tmp/g:a3|/tmp/fruit|/tmp/g|
            grep -h 3 /tmp/fruit /tmp/g; grep -c 3 /tmp/fruit /tmp/g          => a3|/tmp/fruit:0|/tmp/g:1|
            grep -s x /nope; echo $?                                          => 2|
            echo 'foo bar foobar' | grep -o 'foo[a-z]*'                       => foo|foobar|
            echo 'ab abc' | grep -w ab; echo ab | grep -x ab; echo 'ab c' | grep -x ab; echo $? => ab abc|ab|1|
            echo a+b | grep -F a+b; echo aab | grep -E 'a+b'; echo aab | grep 'a\\+b' => a+b|aab|aab|
            echo 'a(b' | grep 'a(b'; echo ab | grep '\\(a\\)b'; echo hi | grep -e x -e h => a(b|ab|hi|
            echo a1 | grep '[[:digit:]]'; echo x | grep '[[:digit:]]'; echo $?  => a1|1|
            printf 'b\\na\\nc\\na\\n' | sort; printf 'b\\na\\nc\\n' | sort -r   => a|a|b|c|c|b|a|
            printf '10\\n9\\n100\\n' | sort -n; printf 'b\\na\\nb\\n' | sort -u  => 9|10|100|a|b|
            printf 'x 3\\ny 1\\nz 2\\n' | sort -k2 -n; printf 'a:3\\nb:1\\n' | sort -t: -k2 => y 1|z 2|x 3|b:1|a:3|
            printf 'B\\na\\nC\\n' | sort; printf 'B\\na\\nC\\n' | sort -f      => B|C|a|a|B|C|
            printf 'a\\na\\nb\\na\\n' | uniq; printf 'a\\na\\nb\\n' | uniq -c  => a|b|a|      2 a|      1 b|
            printf 'a\\na\\nb\\n' | uniq -d; printf 'a\\na\\nb\\n' | uniq -u    => a|b|
            echo hello | tr a-z A-Z; echo hello | tr -d l; echo 'a  b   c' | tr -s ' ' => HELLO|heo|a b c|
            echo hello | tr '[:lower:]' '[:upper:]'; echo abc | tr ab x      => HELLO|xxc|
            """)
    void filtersPrintWhatBusyboxPrints(String script, String expected) {
        sh(script).is(expected.replace("|", "\n"), "", 0);
    }

    @Test
    void missingInputsFailAsBusybox() {
        assertAll(
                () -> sh("grep x /nope").is("", "grep: /nope: No such file or directory\n", 2),
                () -> sh("grep a /tmp/g /nope").is("/tmp/g:a3\n", "grep: /nope: No such file or directory\n", 2),
                () -> sh("echo hi | grep").is("", "Usage: grep [-HhnlLoqvsiwFE] { PATTERN | -e PATTERN... } [FILE]...\n", 2),
                () -> sh("sort /nope").is("", "sort: /nope: No such file or directory\n", 2),
                () -> sh("uniq /nope").is("", "uniq: can't open '/nope': No such file or directory\n", 1));
    }
}
