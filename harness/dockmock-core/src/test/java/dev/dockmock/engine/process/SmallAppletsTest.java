package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code cmp}, {@code comm}, {@code paste}, {@code nl}, {@code fold}, {@code realpath},
 * {@code truncate} and {@code dd}, with the outputs busybox 1.35 gave for the same files
 * ({@code comm}, which Debian's busybox lacks, as coreutils prints it, whose format busybox's follows).
 */
class SmallAppletsTest {
    private final FileTree tree = FileTree.empty(Instant.parse("2026-01-01T00:00:00Z"));

    private Run sh(String script) {
        return Run.sh(tree, "mkdir -p /w && cd /w && printf 'a\\nb\\nc\\nd\\n' > x && printf 'a\\nB\\nc\\nd\\ne\\n' > y; " + script, false);
    }

    @Test
    void cmpReportsTheFirstDifference() {
        assertAll(
                () -> sh("cmp x y").is("x y differ: char 3, line 2\n", "", 1),
                () -> sh("cmp x x").is("", "", 0),
                () -> sh("cmp -s x y").is("", "", 1),
                () -> sh("cmp -l x y").is("3 142 102\n", "cmp: EOF on x\n", 1),
                () -> sh("printf 'a\\nb\\n' > x2; cmp x x2").is("", "cmp: EOF on x2\n", 1),
                () -> sh("cmp x nosuch").is("", "cmp: nosuch: No such file or directory\n", 2),
                () -> assertThat(sh("cmp").err()).startsWith("Usage: cmp"));
    }

    @Test
    void commPasteNlAndFold() {
        assertAll(
                () -> sh("printf 'a\\nb\\nd\\n' > c1; printf 'b\\nc\\nd\\ne\\n' > c2; comm c1 c2; comm -12 c1 c2; comm -3 c1 c2")
                        .is("a\n\t\tb\n\tc\n\t\td\n\te\nb\nd\na\n\tc\n\te\n", "", 0),
                () -> sh("paste x y").is("a\ta\nb\tB\nc\tc\nd\td\n\te\n", "", 0),
                () -> sh("paste -d, x y; paste -s x; paste -s -d: x y").is("a,a\nb,B\nc,c\nd,d\n,e\na\tb\tc\td\na:b:c:d\na:B:c:d:e\n", "", 0),
                () -> sh("printf '1\\n2\\n' | paste - -").is("1\t2\n", "", 0),
                () -> sh("paste x nosuch").is("", "paste: nosuch: No such file or directory\n", 1),
                () -> sh("nl x").is("     1\ta\n     2\tb\n     3\tc\n     4\td\n", "", 0),
                () -> sh("printf 'a\\n\\nb\\n' | nl; printf 'a\\n\\nb\\n' | nl -ba; printf 'a\\n\\nb\\n' | nl -s '::'")
                        .is("     1\ta\n       \n     2\tb\n     1\ta\n     2\t\n     3\tb\n     1::a\n        \n     2::b\n", "", 0),
                () -> sh("nl -w3 -s: x; nl -v 10 -i 5 x | head -2").is("  1:a\n  2:b\n  3:c\n  4:d\n    10\ta\n    15\tb\n", "", 0),
                () -> sh("echo 'abcdefghij klmnop qrstuvwxyz' | fold -w 8").is("abcdefgh\nij klmno\np qrstuv\nwxyz\n", "", 0),
                () -> sh("echo 'abcdefghij klmnop qrstuvwxyz' | fold -s -w 8").is("abcdefgh\nij \nklmnop \nqrstuvwx\nyz\n", "", 0),
                () -> sh("printf 'ab\\tc\\n' | fold -w 4; printf abc | fold -w 2").is("ab\n\t\nc\nab\nc", "", 0));
    }

    @Test
    void realpathAndTruncate() {
        assertAll(
                () -> sh("mkdir d; ln -s d l; realpath x l/../x ./d/../l .").is("/w/x\n/w/x\n/w/d\n/w\n", "", 0),
                () -> sh("realpath nosuch").is("", "realpath: nosuch: No such file or directory\n", 1),
                () -> sh("echo hello > t; truncate -s 2 t; od -c t; truncate -s 5 t; od -c t").is("0000000   h   e\n0000002\n"
                        + "0000000   h   e  \\0  \\0  \\0\n0000005\n", "", 0),
                () -> sh("truncate -s 1k t; wc -c t; truncate -s 1KB t; wc -c t; truncate -s 1M t; wc -c t")
                        .is("1024 t\n1000 t\n1048576 t\n", "", 0),
                () -> sh("truncate -c -s 1 nofile; ls nofile").is("", "ls: nofile: No such file or directory\n", 1),
                () -> sh("truncate -s x t").is("", "truncate: invalid number 'x'\n", 1),
                () -> sh("truncate -s 1 /nodir/x").is("", "truncate: /nodir/x: open: No such file or directory\n", 1),
                () -> assertThat(sh("truncate t").err()).startsWith("Usage: truncate"));
    }

    @Test
    void ddCopiesBlocksAndCountsThem() {
        String in = "printf 'abcdefghij' > in; ";
        assertAll(
                () -> sh(in + "dd if=in of=out bs=4 && cat out").is("abcdefghij", "2+1 records in\n2+1 records out\n", 0),
                () -> sh(in + "dd if=in bs=3 count=2").is("abcdef", "2+0 records in\n2+0 records out\n", 0),
                () -> sh(in + "dd if=in of=o2 bs=4 skip=1 count=1 && cat o2").is("efgh", "1+0 records in\n1+0 records out\n", 0),
                () -> sh("dd if=nosuch of=x").is("", "dd: can't open 'nosuch': No such file or directory\n", 1),
                () -> sh("printf xyz | dd 2>/dev/null").is("xyz", "", 0),
                () -> sh(in + "dd if=in of=/dev/null bs=2 status=none").is("", "", 0),
                () -> sh(in + "dd if=in of=o4 bs=4 conv=notrunc seek=1; od -c o4").is(
                        "0000000  \\0  \\0  \\0  \\0   a   b   c   d   e   f   g   h   i   j\n0000016\n",
                        "2+1 records in\n2+1 records out\n", 0),
                () -> sh("dd if=/dev/zero of=z bs=1024 count=3; wc -c z").is("3072 z\n", "3+0 records in\n3+0 records out\n", 0),
                () -> sh(in + "dd if=in ibs=3 obs=5 of=o5").is("", "3+1 records in\n2+0 records out\n", 0),
                () -> sh("dd bs=x").is("", "dd: invalid number 'x'\n", 1),
                () -> assertThat(sh("dd foo=1").err()).startsWith("Usage: dd"));
    }

    @Test
    void theAppletsAreListedAndFoundOnThePath() {
        Run listed = Run.sh("busybox --list");
        assertThat(listed.out().lines().toList()).contains("wget", "timeout", "usleep", "gzip", "gunzip", "zcat", "tar", "diff",
                "od", "cmp", "comm", "paste", "nl", "fold", "realpath", "truncate", "dd").isSorted();
        Run.sh("which wget timeout tar gzip dd od").is("/usr/bin/wget\n/usr/bin/timeout\n/bin/tar\n/bin/gzip\n/bin/dd\n/usr/bin/od\n",
                "", 0);
        Run.sh("busybox nl /dev/null; busybox realpath /; /bin/busybox fold -w 1 /dev/null").is("/\n", "", 0);
    }
}
