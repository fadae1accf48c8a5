package dev.dockmock.engine.process;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The applets run directly as a container's command ({@code docker run alpine printf ...}). */
class BusyboxAppletTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource({"printf", "echo", "text", "system"})
    void printsExactly(List<String> argv, String out, String err, int status) {
        Run.of(RecordingIo.of(argv.toArray(String[]::new))).is(out, err, status);
    }

    static Stream<Arguments> printf() {
        return Stream.of(
                arguments(List.of("printf", "%s-%d\\n", "a", "1", "b", "2"), "a-1\nb-2\n", "", 0),
                arguments(List.of("printf", "%5s|%-5s|%.2s|", "a", "b", "xyz"), "    a|b    |xy|", "", 0),
                arguments(List.of("printf", "%x %X %o %c %%\\n", "255", "255", "8", "hello"), "ff FF 10 h %\n", "", 0),
                arguments(List.of("printf", "%05d|%+d|% d|%.3d|%-4i|", "42", "5", "7", "9", "-3"), "00042|+5| 7|009|-3  |", "", 0),
                arguments(List.of("printf", "%d %d\\n", "1", "2", "3"), "1 2\n3 0\n", "", 0),
                arguments(List.of("printf", "%s\\n"), "\n", "", 0),
                arguments(List.of("printf", "a\\tb\\\\c\\101\\n"), "a\tb\\cA\n", "", 0),
                arguments(List.of("printf", "[%b]", "x\\ny"), "[x\ny]", "", 0),
                arguments(List.of("printf", "%.2f %5.1f\\n", "3.14159", "2"), "3.14   2.0\n", "", 0),
                arguments(List.of("printf", "%i %d %x\\n", "'A", "0x10", "-1"), "65 16 ffffffffffffffff\n", "", 0),
                arguments(List.of("printf", "%*d|%-*d|\\n", "4", "7", "3", "1"), "   7|1  |\n", "", 0),
                arguments(List.of("printf", "%s", "a", "b"), "ab", "", 0),
                arguments(List.of("printf", "no newline"), "no newline", "", 0),
                arguments(List.of("printf", "%d\\n", "12abc"), "0\n", "printf: invalid number '12abc'\n", 1),
                arguments(List.of("printf"), "", "Usage: printf FORMAT [ARGUMENT]...\n", 1));
    }

    static Stream<Arguments> echo() {
        return Stream.of(
                arguments(List.of("echo"), "\n", "", 0),
                arguments(List.of("/bin/echo", "a", "b"), "a b\n", "", 0),
                arguments(List.of("echo", "-n", "x"), "x", "", 0),
                arguments(List.of("echo", "-e", "a\\tb\\x41\\0101"), "a\tbAA\n", "", 0),
                arguments(List.of("echo", "a\\tb"), "a\\tb\n", "", 0),
                arguments(List.of("echo", "-ne", "stop\\cnever"), "stop", "", 0),
                arguments(List.of("echo", "-x", "--", "-n"), "-x -- -n\n", "", 0));
    }

    static Stream<Arguments> text() {
        return Stream.of(
                arguments(List.of("seq", "3"), "1\n2\n3\n", "", 0),
                arguments(List.of("seq", "2", "4"), "2\n3\n4\n", "", 0),
                arguments(List.of("seq", "10", "-3", "1"), "10\n7\n4\n1\n", "", 0),
                arguments(List.of("seq", "-s", ",", "3"), "1,2,3\n", "", 0),
                arguments(List.of("seq", "-w", "8", "10"), "08\n09\n10\n", "", 0),
                arguments(List.of("seq", "5", "1"), "", "", 0),
                arguments(List.of("seq", "x"), "", "seq: invalid number 'x'\n", 1),
                arguments(List.of("basename", "/a/b.txt", ".txt"), "b\n", "", 0),
                arguments(List.of("dirname", "/a/b/"), "/a\n", "", 0),
                arguments(List.of("true"), "", "", 0),
                arguments(List.of("false"), "", "", 1),
                arguments(List.of("busybox", "echo", "via busybox"), "via busybox\n", "", 0),
                arguments(List.of("mkdir", "-p", "/data"), "", "", 0),
                arguments(List.of("kill", "-TERM", "1"), "", "", 0));
    }

    static Stream<Arguments> system() {
        return Stream.of(
                arguments(List.of("uname"), "Linux\n", "", 0),
                arguments(List.of("uname", "-r"), "6.1.0-dockmock\n", "", 0),
                arguments(List.of("uname", "-m", "-s"), "Linux x86_64\n", "", 0),
                arguments(List.of("uname", "-a"),
                        "Linux c0ffee123456 6.1.0-dockmock #1 SMP PREEMPT_DYNAMIC Mon Jan  1 00:00:00 UTC 2024 x86_64 Linux\n", "", 0),
                // outside a container there is no /etc/group: root has its own group only
                arguments(List.of("id"), "uid=0(root) gid=0(root) groups=0(root)\n", "", 0),
                arguments(List.of("id", "-u"), "0\n", "", 0),
                arguments(List.of("id", "-un"), "root\n", "", 0),
                arguments(List.of("id", "-G"), "0\n", "", 0),
                arguments(List.of("whoami"), "root\n", "", 0),
                arguments(List.of("hostname"), "c0ffee123456\n", "", 0),
                arguments(List.of("pwd"), "/\n", "", 0),
                arguments(List.of("date"), "Thu Nov  5 09:03:07 UTC 2026\n", "", 0),
                arguments(List.of("date", "-u", "+%Y-%m-%dT%H:%M:%SZ %j %s"), "2026-11-05T09:03:07Z 309 1793869387\n", "", 0),
                arguments(List.of("date", "-I"), "2026-11-05\n", "", 0),
                arguments(List.of("date", "-R"), "Thu, 05 Nov 2026 09:03:07 +0000\n", "", 0),
                arguments(List.of("printenv", "HOME"), "/root\n", "", 0),
                arguments(List.of("printenv", "NOPE"), "", "", 1),
                arguments(List.of("env"), "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
                        + "HOSTNAME=c0ffee123456\nHOME=/root\n", "", 0),
                arguments(List.of("/usr/bin/env", "-i", "A=1", "env"), "A=1\n", "", 0),
                arguments(List.of("env", "FOO=bar", "sh", "-c", "echo $FOO"), "bar\n", "", 0),
                arguments(List.of("env", "nosuch"), "", "env: can't execute 'nosuch': No such file or directory\n", 127),
                arguments(List.of("which", "sh", "env", "nosuch"), "/bin/sh\n/usr/bin/env\n", "", 1),
                arguments(List.of("ls", "/"), String.join("\n", KnownPaths.ROOT) + "\n", "", 0),
                arguments(List.of("ls", "/tmp", "/bin/sh"), "/bin/sh\n", "", 0),
                arguments(List.of("nc", "-z", "db", "5432"), "", "nc: bad address 'db'\n", 1),
                arguments(List.of("nc", "-zvv", "localhost", "80"), "", "nc: localhost (127.0.0.1:80): Connection refused\n", 1));
    }

    @ParameterizedTest(name = "[{index}] {0} on {1}")
    @CsvSource(delimiterString = " ## ", textBlock = """
            cat             ## 'a\\nb\\n'      ## 'a\\nb\\n'
            cat -           ## 'no newline'  ## 'no newline'
            head -n 2       ## '1\\n2\\n3\\n'   ## '1\\n2\\n'
            head -1         ## '1\\n2\\n3\\n'   ## '1\\n'
            head -c 3       ## '1\\n2\\n3\\n'   ## '1\\n2'
            head            ## '1\\n2\\n'      ## '1\\n2\\n'
            tail -n 2       ## '1\\n2\\n3\\n'   ## '2\\n3\\n'
            wc -l           ## '1\\n2\\n3\\n'   ## '3\\n'
            wc -c           ## 'abc'         ## '3\\n'
            wc -w           ## 'a b\\nc\\n'    ## '3\\n'
            tee /tmp/copy   ## 'x\\ny\\n'      ## 'x\\ny\\n'
            sh -c read\\ a;echo\\ $a ## 'first\\nsecond\\n' ## 'first\\n'
            """)
    void filtersStdin(String command, String stdin, String out) {
        String[] argv = command.replace("\\ ", "\u0000").split(" ");
        for (int i = 0; i < argv.length; i++) {
            argv[i] = argv[i].replace('\u0000', ' ');
        }
        Run.of(RecordingIo.of(argv).withStdin(unescape(stdin))).is(unescape(out), "", 0);
    }

    @Test
    void filesDoNotExist() {
        Run.of(RecordingIo.of("cat", "/etc/os-release")).is("", "cat: can't open '/etc/os-release': No such file or directory\n", 1);
        Run.of(RecordingIo.of("head", "x")).is("", "head: x: No such file or directory\n", 1);
        Run.of(RecordingIo.of("cat", "/dev/null")).is("", "", 0);
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
