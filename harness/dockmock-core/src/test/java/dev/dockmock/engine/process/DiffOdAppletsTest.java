package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code diff} and {@code od}, with the outputs busybox 1.35 gave for the same files. */
class DiffOdAppletsTest {
    private final FileTree tree = FileTree.empty(Instant.parse("2026-01-01T00:00:00Z"));

    private Run sh(String script) {
        return Run.sh(tree, "mkdir -p /w && cd /w && printf 'a\\nb\\nc\\nd\\n' > x && printf 'a\\nB\\nc\\nd\\ne\\n' > y; " + script, false);
    }

    @Test
    void diffPrintsUnifiedHunks() {
        sh("diff x y").is("--- x\n+++ y\n@@ -1,4 +1,5 @@\n a\n-b\n+B\n c\n d\n+e\n", "", 1);
        sh("diff -u x x && echo same").is("same\n", "", 0);
        sh("seq 1 20 > s1; seq 1 20 | sed 's/^5$/five/; s/^15$/fifteen/' > s2; diff s1 s2").is("--- s1\n+++ s2\n"
                + "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
                + "@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n", "", 1);
        sh("printf 'a\\nb\\nc\\n' > p; printf 'c\\nb\\na\\n' > q; diff p q").is("--- p\n+++ q\n@@ -1,3 +1,3 @@\n-a\n-b\n c\n+b\n+a\n",
                "", 1);
    }

    @Test
    void diffEdgesAsBusybox() {
        assertAll(
                () -> sh("printf a > n1; printf b > n2; diff n1 n2").is("--- n1\n+++ n2\n@@ -1 +1 @@\n-a\n"
                        + "\\ No newline at end of file\n+b\n\\ No newline at end of file\n", "", 1),
                () -> sh(": > e; diff e x").is("--- e\n+++ x\n@@ -0,0 +1,4 @@\n+a\n+b\n+c\n+d\n", "", 1),
                () -> sh(": > e; diff x e").is("--- x\n+++ e\n@@ -1,4 +0,0 @@\n-a\n-b\n-c\n-d\n", "", 1),
                () -> sh("echo a | diff - x").is("--- -\n+++ x\n@@ -1 +1,4 @@\n a\n+b\n+c\n+d\n", "", 1),
                () -> sh("diff -q x y").is("Files x and y differ\n", "", 1),
                () -> sh("printf 'a\\0b' > b1; printf 'a\\0c' > b2; diff b1 b2; diff b1 b1 && echo same").is(
                        "Files b1 and b2 differ\nsame\n", "", 0),
                () -> sh("diff -L A -L B x y | head -2").is("--- A\n+++ B\n", "", 0),
                () -> sh("diff -i x y").is("--- x\n+++ y\n@@ -2,3 +2,4 @@\n b\n c\n d\n+e\n", "", 1),
                () -> sh("diff x nosuch").is("", "diff: can't stat 'nosuch': No such file or directory\n", 2),
                () -> sh("mkdir -p s/sub t/sub; diff s t").is("Common subdirectories: s/sub and t/sub\n", "", 0),
                () -> sh("mkdir d1 d2; cp x y d1; cp x d2; echo zz > d2/y; touch d1/e; diff d1 d2").is("Only in d1: e\n"
                        + "--- d1/y\n+++ d2/y\n@@ -1,5 +1 @@\n-a\n-B\n-c\n-d\n-e\n+zz\n", "", 1),
                () -> assertThat(sh("diff x").err()).startsWith("Usage: diff"));
    }

    @Test
    void odDumpsAsBusybox() {
        String file = "printf 'hello\\tworld\\n\\001\\377' > b; ";
        assertAll(
                () -> sh(file + "od -c b").is("0000000   h   e   l   l   o  \\t   w   o   r   l   d  \\n 001 377\n0000016\n", "", 0),
                () -> sh(file + "od -x b").is("0000000 6568 6c6c 096f 6f77 6c72 0a64 ff01\n0000016\n", "", 0),
                () -> sh(file + "od -An -tx1 b").is(" 68 65 6c 6c 6f 09 77 6f 72 6c 64 0a 01 ff\n", "", 0),
                () -> sh(file + "od b").is("0000000 062550 066154 004557 067567 066162 005144 177401\n0000016\n", "", 0),
                () -> sh(file + "od -t d1 b").is("0000000  104  101  108  108  111    9  119  111  114  108  100   10    1   -1\n"
                        + "0000016\n", "", 0),
                () -> sh(file + "od -t u4 b").is("0000000 1819043176 1870072175  174353522      65281\n0000016\n", "", 0),
                () -> sh(file + "od -b b").is("0000000 150 145 154 154 157 011 167 157 162 154 144 012 001 377\n0000016\n", "", 0),
                () -> sh(file + "od -A d -t x1 b").is("0000000 68 65 6c 6c 6f 09 77 6f 72 6c 64 0a 01 ff\n0000014\n", "", 0),
                () -> sh(file + "od -A x -c b").is("000000   h   e   l   l   o  \\t   w   o   r   l   d  \\n 001 377\n00000e\n", "", 0),
                () -> sh(file + "od -N 3 -c b").is("0000000   h   e   l\n0000003\n", "", 0),
                () -> sh("printf '' | od -c").is("0000000\n", "", 0),
                () -> sh("printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab' | od -tx1").is("0000000 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61\n"
                        + "*\n0000060 61 62\n0000062\n", "", 0),
                () -> sh("printf 'abcdefghijklmnopqrstuvwxyz' | od -c").is("0000000   a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n"
                        + "0000020   q   r   s   t   u   v   w   x   y   z\n0000032\n", "", 0),
                () -> sh("od nosuch").is("", "od: nosuch: No such file or directory\n", 1));
    }
}
