package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ash on a terminal, in memory: prompts, typed signals, end-of-file; keys typed once the prompt shows. */
@Timeout(30)
class InteractiveShellTest {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal = new Terminal(bytes -> {
        synchronized (screen) {
            screen.writeBytes(bytes);
            screen.notifyAll();
        }
    });

    /** A shell process whose stdin and output are the terminal. */
    private CompletableFuture<Integer> shell(String... argv) {
        ProcessIo io = new ProcessIo() {
            @Override
            public List<String> argv() {
                return List.of(argv);
            }

            @Override
            public Map<String, String> env() {
                return Map.of("HOME", "/root", "PATH", "/bin");
            }

            @Override
            public String hostname() {
                return "box";
            }

            @Override
            public String workingDir() {
                return "/";
            }

            @Override
            public InputStream stdin() {
                return terminal.input();
            }

            @Override
            public java.util.Optional<Terminal> terminal() {
                return java.util.Optional.of(terminal);
            }

            @Override
            public void stdout(byte[] data) {
                terminal.write(data);
            }

            @Override
            public void stderr(byte[] data) {
                terminal.write(data);
            }
        };
        Behaviour behaviour = Run.BUSYBOX.resolve("alpine:3.20", io.argv()).orElseThrow();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                exit.complete(behaviour.run(io));
            } catch (InterruptedException | RuntimeException e) {
                exit.completeExceptionally(e);
            }
        }, "interactive-shell");
        thread.setDaemon(true);
        thread.start();
        return exit;
    }

    private InteractiveShellTest await(String text, int times) throws InterruptedException {
        synchronized (screen) {
            while (screen.toString(StandardCharsets.UTF_8).split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
                screen.wait(10_000);
            }
        }
        return this;
    }

    private InteractiveShellTest type(String keys) {
        byte[] bytes = keys.getBytes(StandardCharsets.UTF_8);
        terminal.type(bytes, 0, bytes.length);
        return this;
    }

    private String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void promptsRunsAndExitsWithTheGivenStatus() throws Exception {
        CompletableFuture<Integer> exit = shell("sh");
        await("/ # ", 1).type("cd ~; echo $PS1\r").await(" # ", 2).type("exit 7\r");
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(screen()).isEqualTo("/ # cd ~; echo $PS1\r\n\\w \\$\r\n~ # exit 7\r\n");
    }

    @Test
    void typedSignalsEndTheRunningCommandNotTheShell() throws Exception {
        CompletableFuture<Integer> exit = shell("sh");
        // the keys come once the command has printed: a ^\ typed before it runs goes to the shell, which ignores it
        await("/ # ", 1).type("echo go; sleep 60\r").await("go\r\n", 1).type("\u001c").await("/ # ", 2)
                .type("\u001c").type("echo go; sleep 60\r").await("go\r\n", 2).type("\u0003").await("/ # ", 3)
                .type("echo $?\r").await("/ # ", 4).type("\u0004");
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(screen()).isEqualTo("/ # echo go; sleep 60\r\ngo\r\n^\\Quit\r\n/ # ^\\echo go; sleep 60\r\ngo\r\n^C\r\n"
                + "/ # echo $?\r\n130\r\n/ # \r\n");
    }

    @Test
    void aSyntaxErrorDoesNotEndTheShellAndControlCDropsAHalfTypedCommand() throws Exception {
        CompletableFuture<Integer> exit = shell("sh");
        await("/ # ", 1).type("fi\r").await("/ # ", 2).type("if true\r").await("> ", 1).type("\u0003").await("/ # ", 3)
                .type("exit\r");
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(130);
        assertThat(screen()).isEqualTo("/ # fi\r\nsh: syntax error: unexpected \"fi\"\r\n/ # if true\r\n> ^C\r\n/ # exit\r\n");
    }

    @Test
    void aShellStartedAtThePromptPromptsTooAndSttyNeedsASize() throws Exception {
        CompletableFuture<Integer> exit = shell("sh");
        await("/ # ", 1).type("sh\r").await("/ # ", 2).type("stty size\r").await("/ # ", 3).type("exit 2\r")
                .await("/ # ", 4).type("exit $?\r");
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(screen()).isEqualTo("/ # sh\r\n/ # stty size\r\nstty: standard input\r\n/ # exit 2\r\n/ # exit $?\r\n");
    }
}
