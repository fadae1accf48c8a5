package dev.dockmock.engine.process;

import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * awk's user-defined functions, {@code "cmd" | getline}, {@code print | "cmd"}, {@code close} and
 * {@code system}. Each expected output is what busybox 1.35's awk printed for the same program
 * (the command is in the comment above it).
 */
class AwkFunctionsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Run awk(String stdinText, String program) {
        List<String> argv = new ArrayList<>(List.of("awk", program));
        return Run.of(RecordingIo.of(argv.toArray(String[]::new)).withStdin(stdinText)
                .withFiles(ProcessFileView.of(FileTree.empty(T), Run.CLOCK, false)));
    }

    @Test
    void functionsTakeParametersAndReturnValues() {
        // busybox awk 'function f(a) { return a*2 } BEGIN { print f(21) }'
        awk("", "function f(a) { return a*2 } BEGIN { print f(21) }").is("42\n", "", 0);
        // busybox awk 'function noop() { } BEGIN { print "[" noop() "]"; x = 1; print x }'
        awk("", "function noop() { } BEGIN { print \"[\" noop() \"]\"; x = 1; print x }").is("[]\n1\n", "", 0);
        // busybox awk 'function g(a,b) { return a+b } BEGIN { print g(1) }'
        awk("", "function g(a,b) { return a+b } BEGIN { print g(1) }").is("1\n", "", 0);
    }

    @Test
    void functionsRecurse() {
        // busybox awk 'function fact(n) { return n <= 1 ? 1 : n * fact(n-1) } BEGIN { print fact(10) }'
        awk("", "function fact(n) { return n <= 1 ? 1 : n * fact(n-1) } BEGIN { print fact(10) }").is("3628800\n", "", 0);
        // busybox awk 'function fib(n) { if (n < 2) return n; return fib(n-1) + fib(n-2) } BEGIN { for (i = 0; i < 10; i++) printf "%d ", fib(i); print "" }'
        awk("", "function fib(n) { if (n < 2) return n; return fib(n-1) + fib(n-2) }\n"
                + "BEGIN { for (i = 0; i < 10; i++) printf \"%d \", fib(i); print \"\" }").is("0 1 1 2 3 5 8 13 21 34 \n", "", 0);
    }

    @Test
    void extraParametersAreLocalAndScalarsPassByValue() {
        // busybox awk 'function loc(x,  y) { y = x + 1; return } BEGIN { y = 5; r = loc(1); print y, "[" r "]" }'
        awk("", "function loc(x,  y) { y = x + 1; return } BEGIN { y = 5; r = loc(1); print y, \"[\" r \"]\" }").is("5 []\n", "", 0);
        // busybox awk 'function f(x) { x = 5 } BEGIN { y = 1; f(y); print y }'
        awk("", "function f(x) { x = 5 } BEGIN { y = 1; f(y); print y }").is("1\n", "", 0);
    }

    @Test
    void arraysPassByReference() {
        // busybox awk 'function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i*i; return n } BEGIN { fill(sq, 4); for (i=1;i<=4;i++) printf "%d ", sq[i]; print ""; print i }'
        awk("", "function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i*i; return n }\n"
                + "BEGIN { fill(sq, 4); for (i=1;i<=4;i++) printf \"%d \", sq[i]; print \"\"; print i }").is("1 4 9 16 \n5\n", "", 0);
        // busybox awk 'function swap(a, i, j,   t) { t = a[i]; a[i] = a[j]; a[j] = t } BEGIN { split("x y z", w); swap(w, 1, 3); print w[1], w[2], w[3] }'
        awk("", "function swap(a, i, j,   t) { t = a[i]; a[i] = a[j]; a[j] = t }\n"
                + "BEGIN { split(\"x y z\", w); swap(w, 1, 3); print w[1], w[2], w[3] }").is("z y x\n", "", 0);
        // printf '3\n11\n7\n' | busybox awk 'function sum(arr,   k, t) { for (k in arr) t += arr[k]; return t } { v[NR] = $1 } END { print "sum", sum(v) }'
        awk("3\n11\n7\n", "function sum(arr,   k, t) { for (k in arr) t += arr[k]; return t }\n{ v[NR] = $1 }\n"
                + "END { print \"sum\", sum(v) }").is("sum 21\n", "", 0);
    }

    @Test
    void commandsPipeIntoGetline() {
        // busybox awk 'BEGIN { "echo hello; echo world" | getline line; print line; "echo hello; echo world" | getline line; print line; r = ("echo hello; echo world" | getline line); print r; close("echo hello; echo world"); "echo hello; echo world" | getline; print $0, NR }'
        awk("", "BEGIN { \"echo hello; echo world\" | getline line; print line; \"echo hello; echo world\" | getline line; print line;"
                + " r = (\"echo hello; echo world\" | getline line); print r; close(\"echo hello; echo world\");"
                + " \"echo hello; echo world\" | getline; print $0, NR }").is("hello\nworld\n0\nhello 0\n", "", 0);
        // busybox awk 'BEGIN { while (("echo a; echo b" | getline l) > 0) n++; print n, l }'
        awk("", "BEGIN { while ((\"echo a; echo b\" | getline l) > 0) n++; print n, l }").is("2 b\n", "", 0);
        // echo in | busybox awk '{ "echo x" | getline; print $0, NF, NR }'
        awk("in\n", "{ \"echo x\" | getline; print $0, NF, NR }").is("x 1 1\n", "", 0);
        // busybox awk 'BEGIN { "exit 3" | getline; print close("exit 3"); print close("nothing") }'
        awk("", "BEGIN { \"exit 3\" | getline; print close(\"exit 3\"); print close(\"nothing\") }").is("768\n0\n", "", 0);
    }

    @Test
    void printPipesIntoACommandRunAtCloseOrExit() {
        // busybox awk 'BEGIN { print "3\n1\n2" | "sort -n"; close("sort -n"); print "after" }'
        awk("", "BEGIN { print \"3\\n1\\n2\" | \"sort -n\"; close(\"sort -n\"); print \"after\" }").is("1\n2\n3\nafter\n", "", 0);
        // busybox awk 'BEGIN { print "z" | "cat"; print "y" | "cat"; print "first" }'
        awk("", "BEGIN { print \"z\" | \"cat\"; print \"y\" | \"cat\"; print \"first\" }").is("first\nz\ny\n", "", 0);
        // busybox awk 'BEGIN { r = system("exit 3"); print r }'
        awk("", "BEGIN { r = system(\"echo hi; exit 3\"); print r }").is("hi\n3\n", "", 0);
    }

    @Test
    void anUndefinedFunctionFails() {
        // busybox awk 'BEGIN { x = undefined_fn(1) }'
        awk("", "BEGIN { x = undefined_fn(1) }").is("", "awk: cmd. line:1: Call to undefined function\n", 1);
    }
}
