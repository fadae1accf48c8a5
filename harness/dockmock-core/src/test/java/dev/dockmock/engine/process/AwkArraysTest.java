package dev.dockmock.engine.process;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * awk's associative arrays, loops, jumps, {@code exit} and {@code getline}. Each expected output
 * is what busybox 1.35's awk printed for the same program and input: the command is in the
 * comment above it ({@code printf INPUT | busybox awk PROGRAM}).
 */
class AwkArraysTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Run awk(String stdinText, String... args) {
        FileTree tree = FileTree.empty(T);
        tree.set("/etc/hostname", FileNode.file("c0ffee123456\n", 0644, T));
        List<String> argv = new ArrayList<>(List.of("awk"));
        argv.addAll(List.of(args));
        return Run.of(RecordingIo.of(argv.toArray(String[]::new)).withStdin(stdinText)
                .withFiles(ProcessFileView.of(tree, Run.CLOCK, false)));
    }

    @Test
    void forInWalksKeysInBusyboxsHashOrder() {
        // printf 'a 1\nb 2\na 3\n' | busybox awk '{s[$1]+=$2} END {for (k in s) print k, s[k]}'
        awk("a 1\nb 2\na 3\n", "{s[$1]+=$2} END {for (k in s) print k, s[k]}").is("a 4\nb 2\n", "", 0);
        // printf 'apple\nbanana\ncherry\nx\ny\nz\nfoo\nbar\n' | busybox awk '{seen[$1]++} END {for (k in seen) printf "%s ", k; print ""}'
        awk("apple\nbanana\ncherry\nx\ny\nz\nfoo\nbar\n", "{seen[$1]++} END {for (k in seen) printf \"%s \", k; print \"\"}")
                .is("z foo cherry banana bar apple x y \n", "", 0);
        // printf 'apple 1\nbanana 2\ncherry 3\nx 4\ny 5\napple 6\n' | busybox awk '{s[$1]+=$2} END {for (k in s) print k, s[k]}'
        awk("apple 1\nbanana 2\ncherry 3\nx 4\ny 5\napple 6\n", "{s[$1]+=$2} END {for (k in s) print k, s[k]}")
                .is("cherry 3\nbanana 2\napple 7\nx 4\ny 5\n", "", 0);
        // seq 1 12 | busybox awk '{a[$1]} END {for (k in a) printf "%s ", k; print length(a)}'
        awk("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "{a[$1]} END {for (k in a) printf \"%s \", k; print length(a)}")
                .is("10 11 12 1 2 3 4 5 6 7 8 9 12\n", "", 0);
    }

    @Test
    void splitInAndDelete() {
        // busybox awk 'BEGIN {n = split("a:b:c", p, ":"); print n, p[1], p[3]; delete p[2]; print (2 in p), (3 in p), length(p); delete p; print length(p)}'
        awk("", "BEGIN {n = split(\"a:b:c\", p, \":\"); print n, p[1], p[3]; delete p[2]; print (2 in p), (3 in p), length(p);"
                + " delete p; print length(p)}").is("3 a c\n0 1 2\n0\n", "", 0);
        // busybox awk 'BEGIN {n = split("  x  y ", w); print n, w[1] "|" w[2]; print split("a1b22c", c, /[0-9]+/), c[3]}'
        awk("", "BEGIN {n = split(\"  x  y \", w); print n, w[1] \"|\" w[2]; print split(\"a1b22c\", c, /[0-9]+/), c[3]}")
                .is("2 x|y\n3 c\n", "", 0);
        // printf 'b\na\nb\n' | busybox awk '{if ($1 in seen) print "dup", $1; seen[$1]} END {for (k in seen) delete seen[k]; print length(seen)}'
        awk("b\na\nb\n", "{if ($1 in seen) print \"dup\", $1; seen[$1]} END {for (k in seen) delete seen[k]; print length(seen)}")
                .is("dup b\n0\n", "", 0);
        // busybox awk 'BEGIN {a["x", 1] = 5; for (k in a) {split(k, parts, SUBSEP); print parts[1], parts[2], a[k]}}'
        awk("", "BEGIN {a[\"x\", 1] = 5; for (k in a) {split(k, parts, SUBSEP); print parts[1], parts[2], a[k]}}")
                .is("x 1 5\n", "", 0);
    }

    @Test
    void loopsAndJumps() {
        // busybox awk 'BEGIN {for (i = 0; i < 5; i++) {if (i == 1) continue; if (i == 3) break; print "i=" i}; j = 0; while (j < 3) j++; print j; do {k++} while (k < 0); print k}'
        awk("", "BEGIN {for (i = 0; i < 5; i++) {if (i == 1) continue; if (i == 3) break; print \"i=\" i}; j = 0;"
                + " while (j < 3) j++; print j; do {k++} while (k < 0); print k}").is("i=0\ni=2\n3\n1\n", "", 0);
        // busybox awk 'BEGIN {n = split("a:b:c", p, ":"); delete p[2]; print n, (2 in p), length(p); do j++; while (j < 3); print j}'
        awk("", "BEGIN {n = split(\"a:b:c\", p, \":\"); delete p[2]; print n, (2 in p), length(p); do j++; while (j < 3); print j}")
                .is("3 0 2\n3\n", "", 0);
        // printf 'a b\n' | busybox awk '{ n = split($0, f); for (i = n; i >= 1; i--) printf "%s%s", f[i], (i > 1 ? " " : "\n") }'
        awk("a b\n", "{ n = split($0, f); for (i = n; i >= 1; i--) printf \"%s%s\", f[i], (i > 1 ? \" \" : \"\\n\") }")
                .is("b a\n", "", 0);
        // busybox awk 'BEGIN {x = 3; print ++x, x--, x; print -x, !x}'
        awk("", "BEGIN {x = 3; print ++x, x--, x; print -x, !x}").is("4 4 3\n-3 0\n", "", 0);
    }

    @Test
    void exitRunsEndOnceAndSetsTheStatus() {
        // printf '1\n2\n3\n4\n' | busybox awk '$1 == 3 {exit 7} {print} END {print "end", NR}'   (exit status 7)
        awk("1\n2\n3\n4\n", "$1 == 3 {exit 7} {print} END {print \"end\", NR}").is("1\n2\nend 3\n", "", 7);
        // busybox awk 'BEGIN { exit } END { print "end ran" }'
        awk("", "BEGIN { exit } END { print \"end ran\" }").is("end ran\n", "", 0);
        // printf '1\n' | busybox awk 'END { exit 3; print "no" }'   (exit status 3)
        awk("1\n", "END { exit 3; print \"no\" }").is("", "", 3);
    }

    @Test
    void getlineReadsTheNextRecordAVariableOrAFile() {
        // printf 'h1\nh2\nd1\nd2\n' | busybox awk 'NR == 1 {getline; print "skipped to", $0, NR; next} {print NR": "$0}'
        awk("h1\nh2\nd1\nd2\n", "NR == 1 {getline; print \"skipped to\", $0, NR; next} {print NR\": \"$0}")
                .is("skipped to h2 2\n3: d1\n4: d2\n", "", 0);
        // printf 'k=v\nx=y\n' | busybox awk 'BEGIN {while ((getline line) > 0) {split(line, kv, "="); m[kv[1]] = kv[2]}; print m["x"], m["k"], NR}'
        awk("k=v\nx=y\n", "BEGIN {while ((getline line) > 0) {split(line, kv, \"=\"); m[kv[1]] = kv[2]}; print m[\"x\"], m[\"k\"], NR}")
                .is("y v 2\n", "", 0);
        // printf 'x\n' | busybox awk '{print getline, $0; print getline}'
        awk("x\n", "{print getline, $0; print getline}").is("0 x\n0\n", "", 0);
        // busybox awk 'BEGIN {while ((getline l < "/etc/hostname") > 0) n++; print n, (getline x < "/nonexistent")}'
        awk("", "BEGIN {while ((getline l < \"/etc/hostname\") > 0) n++; print n, (getline x < \"/nonexistent\")}")
                .is("1 -1\n", "", 0);
    }

    @Test
    void anInputFileThatCannotBeOpenedEndsAwkWithoutEnd() {
        // busybox awk 'END{print NR}' /etc/hostname nope   (exit status 1)
        awk("", "END{print NR}", "/etc/hostname", "nope").is("", "awk: nope: No such file or directory\n", 1);
    }

    @Test
    void printWritesFiles() {
        FileTree tree = FileTree.empty(T);
        tree.set("/tmp", FileNode.directory(01777, T));
        // echo old > /tmp/o2; busybox awk 'BEGIN {print "a" > "/tmp/o"; print "b" > "/tmp/o"; printf "%s\n", "c" >> "/tmp/o2";
        //     print "x", "y" > "/tmp/o" "3"}'; cat /tmp/o /tmp/o2 /tmp/o3
        Run.sh(tree, "echo old > /tmp/o2; awk 'BEGIN {print \"a\" > \"/tmp/o\"; print \"b\" > \"/tmp/o\";"
                + " printf \"%s\\n\", \"c\" >> \"/tmp/o2\"; print \"x\", \"y\" > \"/tmp/o\" \"3\"}'; cat /tmp/o /tmp/o2 /tmp/o3", false)
                .is("a\nb\nold\nc\nx y\n", "", 0);
        // busybox awk 'BEGIN {print "x" > "/nonexistent/f"; print "after"}'   (exit status 1)
        awk("", "BEGIN {print \"x\" > \"/nonexistent/f\"; print \"after\"}")
                .is("", "awk: can't open '/nonexistent/f': No such file or directory\n", 1);
    }
}
