package dev.dockmock.engine.process;

import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * awk's {@code sub}, {@code gsub}, {@code match} and {@code sprintf}. Each expected output is
 * what busybox 1.35's awk printed for the same program and input: the command is in the comment
 * above it.
 */
class AwkStringFunctionsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Run awk(String stdinText, String... args) {
        List<String> argv = new ArrayList<>(List.of("awk"));
        argv.addAll(List.of(args));
        return Run.of(RecordingIo.of(argv.toArray(String[]::new)).withStdin(stdinText)
                .withFiles(ProcessFileView.of(FileTree.empty(T), Run.CLOCK, false)));
    }

    @Test
    void gsubReplacesEveryMatchOfTheRecordAndSplitsItAgain() {
        // echo "a-b-c" | busybox awk '{n = gsub(/-/, "_"); print n, $0}'
        awk("a-b-c\n", "{n = gsub(/-/, \"_\"); print n, $0}").is("2 a_b_c\n", "", 0);
        // echo "k=v; x=y" | busybox awk '{c = gsub(/[a-z]=/, "<&>"); print c ": " $0; print NF}'
        awk("k=v; x=y\n", "{c = gsub(/[a-z]=/, \"<&>\"); print c \": \" $0; print NF}").is("2: <k=>v; <x=>y\n2\n", "", 0);
        // echo abc | busybox awk '{gsub(/b*/, "-"); print}'
        awk("abc\n", "{gsub(/b*/, \"-\"); print}").is("-a--c-\n", "", 0);
    }

    @Test
    void subReplacesTheFirstMatchOfAFieldOrVariable() {
        // echo "hello world" | busybox awk '{sub(/o/, "[&]", $2); print; print $2}'
        awk("hello world\n", "{sub(/o/, \"[&]\", $2); print; print $2}").is("hello w[o]rld\nw[o]rld\n", "", 0);
        // busybox awk 'BEGIN {s = "aaa"; gsub("a", "\\&", s); print s}'
        awk("", "BEGIN {s = \"aaa\"; gsub(\"a\", \"\\\\&\", s); print s}").is("&&&\n", "", 0);
        // busybox awk 'BEGIN {s="a.b.c"; gsub(".", "x", s); print s; t="a.b"; gsub(/\./, "", t); print t}'
        awk("", "BEGIN {s=\"a.b.c\"; gsub(\".\", \"x\", s); print s; t=\"a.b\"; gsub(/\\./, \"\", t); print t}")
                .is("xxxxx\nab\n", "", 0);
    }

    @Test
    void matchSetsRstartAndRlength() {
        // busybox awk 'BEGIN {print match("foobar", /ob+/), RSTART, RLENGTH; print match("x", /y/), RSTART, RLENGTH}'
        awk("", "BEGIN {print match(\"foobar\", /ob+/), RSTART, RLENGTH; print match(\"x\", /y/), RSTART, RLENGTH}")
                .is("3 3 2\n0 0 -1\n", "", 0);
        // busybox awk 'BEGIN {print match("a")}': exit 1, "awk: cmd. line:1: Too few arguments"
        awk("", "BEGIN {print match(\"a\")}").is("", "awk: cmd. line:1: Too few arguments\n", 1);
    }

    @Test
    void sprintfFormatsAsPrintfDoes() {
        // busybox awk 'BEGIN {x = sprintf("%05.1f|%-3s|%d", 3.14159, "ab", 42); print x}'
        awk("", "BEGIN {x = sprintf(\"%05.1f|%-3s|%d\", 3.14159, \"ab\", 42); print x}").is("003.1|ab |42\n", "", 0);
    }
}
