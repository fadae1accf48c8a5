package dev.dockmock.engine.process;

import org.junit.jupiter.api.Test;

/** How {@code sh} is started: options, {@code -c} with a name and arguments, scripts on stdin. */
class ShellInvocationTest {

    @Test
    void dashCTakesNameAndArguments() {
        Run.of(RecordingIo.of("sh", "-c", "echo $0 $1 $#", "foo", "bar")).is("foo bar 1\n", "", 0);
    }

    @Test
    void theNameIsUsedInMessages() {
        Run.of(RecordingIo.of("sh", "-c", "nosuch", "myname")).is("", "myname: line 1: nosuch: not found\n", 127);
        Run.of(RecordingIo.of("/bin/sh", "-c", "nosuch")).is("", "/bin/sh: nosuch: not found\n", 127);
    }

    @Test
    void optionsBeforeDashC() {
        Run.of(RecordingIo.of("sh", "-ec", "false; echo no")).is("", "", 1);
        Run.of(RecordingIo.of("sh", "-x", "-c", "echo a")).is("a\n", "+ echo a\n", 0);
        Run.of(RecordingIo.of("ash", "-o", "pipefail", "-c", "false | true")).is("", "", 1);
        Run.of(RecordingIo.of("bash", "-c", "echo from bash")).is("from bash\n", "", 0);
    }

    @Test
    void wrongInvocations() {
        Run.of(RecordingIo.of("sh", "-c")).is("", "sh: -c requires an argument\n", 2);
        Run.of(RecordingIo.of("sh", "-q")).is("", "sh: illegal option -q\n", 2);
        Run.of(RecordingIo.of("sh", "script.sh")).is("", "sh: can't open 'script.sh': No such file or directory\n", 127);
    }

    @Test
    void readsAScriptFromStdin() {
        Run.of(RecordingIo.of("sh").withStdin("echo hi\n")).is("hi\n", "", 0);
        Run.of(RecordingIo.of("sh").withStdin("x=1\nif [ $x = 1 ]; then\n  echo one\nfi\necho $x\nexit 3\necho no\n"))
                .is("one\n1\n", "", 3);
        Run.of(RecordingIo.of("sh").withStdin("echo 'multi\nline' \\\n  continued\necho last")).is("multi\nline continued\nlast\n", "", 0);
        Run.of(RecordingIo.of("sh").withStdin("cat <<EOF\nbody\nEOF\n")).is("body\n", "", 0);
        Run.of(RecordingIo.of("sh", "-s", "a", "b").withStdin("echo $1 $#\n")).is("a 2\n", "", 0);
    }

    @Test
    void withoutStdinTheShellEndsAtOnce() {
        Run.of(RecordingIo.of("sh")).is("", "", 0);
        Run.of(RecordingIo.of("/bin/sh")).is("", "", 0);
    }

    @Test
    void aSyntaxErrorOnStdinEndsTheShell() {
        Run.of(RecordingIo.of("sh").withStdin("echo a\nfi\necho b\n")).is("a\n", "sh: syntax error: unexpected \"fi\"\n", 2);
        Run.of(RecordingIo.of("sh").withStdin("if true; then\necho a\n")).is("",
                "sh: syntax error: unexpected end of file (expecting \"fi\")\n", 2);
    }

    @Test
    void theShellSetsShlvlAndPwd() {
        Run.of(RecordingIo.of("sh", "-c", "env")).is("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
                + "HOSTNAME=c0ffee123456\nHOME=/root\nSHLVL=1\nPWD=/\n", "", 0);
        Run.sh("sh -c 'echo $SHLVL'").is("2\n", "", 0);
    }
}
