package dev.dockmock.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.AlpineDockerCliTest;
import dev.dockmock.engine.TerminalCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code docker run -it}, {@code exec -it} and {@code attach} typed at a real pseudo-terminal:
 * the screen shows what dockerd 20.10's busybox showed for the same keys (its banner and
 * cursor-position query left out, see docs/engine.md): ash's prompt, the terminal's echo, the
 * erase and kill echo, {@code ^C}, and the exit code of the shell.
 */
@Timeout(120)
class DockerCliTerminalTest extends AlpineDockerCliTest {

    @Test
    void runItShowsThePromptEchoesTheTypedLineAndExitsWithTheShellsStatus() throws Exception {
        try (TerminalCli terminal = docker.terminal("run", "--rm", "-it", "alpine", "sh")) {
            terminal.awaitScreen("/ # ", 1).type("echo hi\r").awaitScreen("/ # ", 2).type("exit 3\r");
            assertThat(terminal.exitCode()).isEqualTo(3);
            assertThat(terminal.screen()).isEqualTo("/ # echo hi\r\nhi\r\n/ # exit 3\r\n");
        }
    }

    @Test
    void controlCEndsTheForegroundCommandAndTheShellPromptsAgain() throws Exception {
        try (TerminalCli terminal = docker.terminal("run", "--rm", "-it", "alpine", "sh")) {
            terminal.awaitScreen("/ # ", 1).type("sleep 60\r").awaitScreen("sleep 60\r\n", 1).type("\u0003")
                    .awaitScreen("/ # ", 2).type("ech\u0003").awaitScreen("/ # ", 3)
                    .type("echo $?\r").awaitScreen("/ # ", 4).type("false\r").awaitScreen("/ # ", 5).type("\u0004");
            assertThat(terminal.exitCode()).isEqualTo(1);
            assertThat(terminal.screen()).isEqualTo("/ # sleep 60\r\n^C\r\n/ # ech^C\r\n/ # echo $?\r\n130\r\n"
                    + "/ # false\r\n/ # \r\n");
        }
    }

    @Test
    void controlBackslashQuitsTheForegroundCommand() throws Exception {
        try (TerminalCli terminal = docker.terminal("run", "--rm", "-it", "alpine", "sh")) {
            // typed once the command has printed: a ^\ typed before it runs goes to the shell, which ignores it
            terminal.awaitScreen("/ # ", 1).type("echo go; sleep 60\r").awaitScreen("go\r\n", 1).type("\u001c")
                    .awaitScreen("/ # ", 2).type("echo $?\r").awaitScreen("/ # ", 3).type("exit\r");
            assertThat(terminal.exitCode()).isZero();
            assertThat(terminal.screen()).isEqualTo("/ # echo go; sleep 60\r\ngo\r\n^\\Quit\r\n/ # echo $?\r\n131\r\n/ # exit\r\n");
        }
    }

    @Test
    void catReadsEditedLinesAndControlDEndsItsInput() throws Exception {
        try (TerminalCli terminal = docker.terminal("run", "--rm", "-it", "alpine", "sh")) {
            terminal.awaitScreen("/ # ", 1).type("cat\r").awaitScreen("cat\r\n", 1).type("ab\u007fc\u0015xy\r")
                    .awaitScreen("xy\r\nxy\r\n", 1).type("q\u0004").awaitScreen("qq", 1).type("\u0004")
                    .awaitScreen("/ # ", 2).type("exit\r");
            assertThat(terminal.exitCode()).isZero();
            assertThat(terminal.screen()).isEqualTo("/ # cat\r\nab\b \bc\b \b\b \bxy\r\nxy\r\nqq/ # exit\r\n");
        }
    }

    @Test
    void anIncompleteCommandGetsTheContinuationPrompt() throws Exception {
        try (TerminalCli terminal = docker.terminal("run", "--rm", "-it", "alpine", "sh")) {
            terminal.awaitScreen("/ # ", 1).type("echo \"a\r").awaitScreen("> ", 1).type("b\"\r").awaitScreen("/ # ", 2)
                    .type("exit\r");
            assertThat(terminal.exitCode()).isZero();
            assertThat(terminal.screen()).isEqualTo("/ # echo \"a\r\n> b\"\r\na\r\nb\r\n/ # exit\r\n");
        }
    }

    @Test
    void execItPromptsForTheUserInTheWorkingDirectory() throws Exception {
        ok("run", "-dit", "--name", "box", "alpine", "sh");
        try (TerminalCli terminal = docker.terminal("exec", "-it", "-u", "nobody", "-w", "/tmp", "box", "sh")) {
            terminal.awaitScreen("/tmp $ ", 1).type("cd /etc\r").awaitScreen("/etc $ ", 1).type("exit 4\r");
            assertThat(terminal.exitCode()).isEqualTo(4);
            assertThat(terminal.screen()).isEqualTo("/tmp $ cd /etc\r\n/etc $ exit 4\r\n");
        }
        try (TerminalCli terminal = docker.terminal("exec", "-it", "-w", "/root", "box", "sh")) {
            terminal.awaitScreen("~ # ", 1).type("cd /\r").awaitScreen("/ # ", 1).type("exit\r");
            assertThat(terminal.exitCode()).isZero();
            assertThat(terminal.screen()).isEqualTo("~ # cd /\r\n/ # exit\r\n");
        }
        try (TerminalCli terminal = docker.terminal("exec", "-it", "box", "sh", "-c", "echo go; sleep 60")) {
            terminal.awaitScreen("go\r\n", 1).type("\u0003");
            assertThat(terminal.exitCode()).isEqualTo(130);
            assertThat(terminal.screen()).isEqualTo("go\r\n^C");
        }
        assertThat(ok("inspect", "-f", "{{.State.Running}}", "box").stdout()).isEqualTo("true\n");
    }

    @Test
    void controlCStopsAFloodOfOutputAndTheExecSessionGoesOn() throws Exception {
        ok("run", "-dit", "--name", "box", "alpine", "sh");
        try (TerminalCli terminal = docker.terminal("exec", "-it", "box", "sh")) {
            terminal.awaitScreen("/ # ", 1).type("yes\r").awaitScreen("y\r\n", 200).type("\u0003").awaitScreen("/ # ", 2)
                    .type("echo after $?\r").awaitScreen("after 130\r\n/ # ", 1).type("exit\r");
            assertThat(terminal.exitCode()).isZero();
            assertThat(terminal.screen()).startsWith("/ # yes\r\ny\r\ny\r\n").contains("^C")
                    .endsWith("\r\n/ # echo after $?\r\nafter 130\r\n/ # exit\r\n");
        }
    }

    @Test
    void attachToAnItContainerTypesIntoItsShell() throws Exception {
        ok("run", "-dit", "--name", "box", "alpine", "sh");
        try (TerminalCli terminal = docker.terminal("attach", "box")) {
            // an empty line first, answered with a prompt: the CLI has its terminal in raw mode by then
            // (before, the pty's own echo could show a key twice)
            terminal.type("\r").awaitScreen("/ # ", 1);
            String before = terminal.screen();
            terminal.type("echo hi\r").awaitScreen("hi\r\n/ # ", 1).type("exit 5\r");
            assertThat(terminal.exitCode()).isEqualTo(5);
            assertThat(terminal.screen())
                    .isEqualTo(before + "echo hi\r\nhi\r\n/ # exit 5\r\n");
        }
        assertThat(ok("inspect", "-f", "{{.State.ExitCode}}", "box").stdout()).isEqualTo("5\n");
    }

    @Test
    void controlCEndsAShellRunningACommandString() throws Exception {
        try (TerminalCli terminal = docker.terminal("run", "--rm", "-it", "alpine", "sh", "-c", "echo go; sleep 60; echo after")) {
            terminal.awaitScreen("go\r\n", 1).type("\u0003");
            assertThat(terminal.exitCode()).isEqualTo(130);
            assertThat(terminal.screen()).isEqualTo("go\r\n^C");
        }
    }

    @Test
    void sttyReportsTheClientsWindowSizeAndTurnsTheEchoOff() throws Exception {
        try (TerminalCli terminal = docker.terminal(30, 100, "run", "--rm", "-it", "alpine", "sh")) {
            // with the echo off, neither the typed "stty echo" nor its Enter shows
            terminal.awaitScreen("/ # ", 1).type("stty size\r").awaitScreen("/ # ", 2).type("stty -echo\r")
                    .awaitScreen("/ # ", 3).type("echo secret\r").awaitScreen("/ # ", 4).type("stty echo\r")
                    .awaitScreen("/ # ", 5).type("exit\r");
            assertThat(terminal.exitCode()).isZero();
            assertThat(terminal.screen()).isEqualTo("/ # stty size\r\n30 100\r\n/ # stty -echo\r\n/ # secret\r\n/ # / # exit\r\n");
        }
    }

    @Test
    void anExecsTerminalHasTheClientsWindowSizeToo() throws Exception {
        ok("run", "-dit", "--name", "box", "alpine", "sh");
        try (TerminalCli terminal = docker.terminal(40, 120, "exec", "-it", "box", "sh")) {
            terminal.awaitScreen("/ # ", 1).type("stty size; read word; echo \"[$word]\"\r").awaitScreen("40 120\r\n", 1)
                    .type("typed\r").awaitScreen("/ # ", 2).type("exit\r");
            assertThat(terminal.exitCode()).isZero();
            assertThat(terminal.screen()).isEqualTo("/ # stty size; read word; echo \"[$word]\"\r\n40 120\r\ntyped\r\n[typed]\r\n"
                    + "/ # exit\r\n");
        }
    }

    @Test
    void aTerminalWithoutStdinKeepsTheShellWaitingAtItsPrompt() throws Exception {
        ok("run", "-dt", "--name", "waiting", "alpine", "sh");
        assertThat(ok("exec", "waiting", "echo", "still here").stdout()).isEqualTo("still here\n");
        assertThat(ok("inspect", "-f", "{{.State.Status}}", "waiting").stdout()).isEqualTo("running\n");
        assertThat(ok("logs", "waiting").stdout()).isEqualTo("/ # ");
    }

    @Test
    void withoutATerminalThereIsNoPromptAndNoEcho() throws Exception {
        var result = docker.runWithStdin("echo hi\nexit 2\n", "run", "--rm", "-i", "alpine", "sh");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEqualTo("hi\n");
        var stty = docker.runWithStdin("", "run", "--rm", "-i", "alpine", "stty", "size");
        assertThat(stty.exitCode()).isEqualTo(1);
        assertThat(stty.stderr()).isEqualTo("stty: standard input: Not a tty\n");
    }
}
