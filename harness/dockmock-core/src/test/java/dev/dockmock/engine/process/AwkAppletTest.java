package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The awk subset, with the output busybox 1.35's awk gave for the same programs in a real dockerd. */
class AwkAppletTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Run awk(String stdinText, String... args) {
        FileTree tree = FileTree.empty(T);
        tree.set("/etc/passwd", FileNode.file("root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n", 0644, T));
        List<String> argv = new java.util.ArrayList<>(List.of("awk"));
        argv.addAll(List.of(args));
        return Run.of(RecordingIo.of(argv.toArray(String[]::new)).withStdin(stdinText)
                .withFiles(ProcessFileView.of(tree, Run.CLOCK, false)));
    }

    @Test
    void fieldsPatternsAndSums() {
        String table = "a 1\nb 2\nc 3\n";
        awk(table, "{print $1}").is("a\nb\nc\n", "", 0);
        awk(table, "{s+=$2} END {print s}").is("6\n", "", 0);
        awk(table, "NR==2").is("b 2\n", "", 0);
        awk(table, "/c/ {print $2, $1}").is("3 c\n", "", 0);
        awk("1\n2\n3\n4\n", "$1 > 2 {print}").is("3\n4\n", "", 0);
        awk("a\nb\n", "END {print NR}").is("2\n", "", 0);
    }

    @Test
    void separatorsVariablesAndFunctions() {
        awk("", "-F:", "{print $1}", "/etc/passwd").is("root\nnobody\n", "", 0);
        awk("", "-F:", "-v", "x=1", "$3 == 0 {print $1, x}", "/etc/passwd").is("root 1\n", "", 0);
        awk("a,b,c\n", "-F,", "{print NF, $NF}").is("3 c\n", "", 0);
        awk("Hello World\n", "{print toupper($1), length($2), substr($2, 2, 3)}").is("HELLO 5 orl\n", "", 0);
        awk("k v\n", "-v", "OFS=-", "{print $1, $2}").is("k-v\n", "", 0);
        awk("", "BEGIN {print 1/3, 2*3, 10%3}").is("0.333333 6 1\n", "", 0);
    }

    @Test
    void statementsAssignmentsAndPrintf() {
        awk("1\n2\n", "{if ($1 == 1) print \"one\"; else print \"other\"}").is("one\nother\n", "", 0);
        awk("a b\n", "{$2 = \"X\"; print}").is("a X\n", "", 0);
        awk("foo\n", "$0 ~ /o+/ {print \"match\"}").is("match\n", "", 0);
        awk("x 10\ny 20\n", "{printf \"%s=%d\\n\", $1, $2}").is("x=10\ny=20\n", "", 0);
        awk("a\nb\nc\n", "NR==1 {next} {print}").is("b\nc\n", "", 0);
    }

    @Test
    void programsOutsideTheSubsetFailSayingSo() {
        Run bad = awk("x\n", "{print");

        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).startsWith("awk: cmd. line:1: Unexpected token (").contains("subset");
    }
}
