package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The engine kills a process by interrupting its thread: sleeps, loops, pipes and stdin reads end
 * promptly with InterruptedException, and no helper thread is left behind.
 */
class ShellInterruptTest {

    @Test
    void anEndlessLoopWithSleepEndsOnInterrupt() throws InterruptedException {
        Running loop = Running.start(RecordingIo.of("sh", "-c", "while true; do echo hi; sleep 0.01; done"))
                .awaitOut(out -> out.split("\n").length >= 3);
        assertThat(loop.interrupt()).isInstanceOf(InterruptedException.class);
        assertThat(loop.io.out()).matches("(hi\n)+");
        assertThat(loop.io.err()).isEmpty();
    }

    @Test
    void aBusyLoopEndsOnInterrupt() throws InterruptedException {
        Running loop = Running.start(RecordingIo.of("sh", "-c", "echo start; while :; do :; done")).awaitOut("start\n"::equals);
        assertThat(loop.interrupt()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void sleepInfinityAndTailFollowWaitUntilInterrupted() throws InterruptedException {
        for (String[] argv : new String[][] {{"sleep", "infinity"}, {"tail", "-f", "/dev/null"}, {"nc", "-l", "-p", "80"},
            {"yes"}, {"sh", "-c", "sleep 100 & wait"}}) {
            Running running = Running.start(RecordingIo.of(argv));
            Thread.sleep(30);
            assertThat(running.isAlive()).as("%s still running", String.join(" ", argv)).isTrue();
            assertThat(running.interrupt()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void sleepTakesRealTime() {
        long start = System.nanoTime();
        Run.of(RecordingIo.of("sleep", "0.05")).is("", "", 0);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(45_000_000L);
    }

    @Test
    void catOnAnOpenStdinEndsOnInterrupt() throws Exception {
        PipedOutputStream input = new PipedOutputStream();
        Running cat = Running.start(RecordingIo.of("cat").withStdin(new PipedInputStream(input)));
        write(input, "line\n");
        cat.awaitOut("line\n"::equals);
        assertThat(cat.interrupt()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aShellReadingStdinRunsEachLineAsItArrives() throws Exception {
        PipedOutputStream input = new PipedOutputStream();
        Running sh = Running.start(RecordingIo.of("sh").withStdin(new PipedInputStream(input)));
        write(input, "echo hi\n");
        sh.awaitOut("hi\n"::equals);
        write(input, "if true; then\n");
        Thread.sleep(20);
        assertThat(sh.io.out()).isEqualTo("hi\n");
        write(input, "echo inside; fi\nexit 7\n");
        assertThat(sh.await()).isEqualTo(7);
        assertThat(sh.io.out()).isEqualTo("hi\ninside\n");
    }

    @Test
    void aShellWaitingForStdinEndsOnInterrupt() throws Exception {
        PipedOutputStream input = new PipedOutputStream();
        Running sh = Running.start(RecordingIo.of("sh").withStdin(new PipedInputStream(input)));
        write(input, "echo ready\n");
        sh.awaitOut("ready\n"::equals);
        assertThat(sh.interrupt()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void anInterruptedPipelineLeavesNoThreadBehind() throws InterruptedException {
        Running pipeline = Running.start(RecordingIo.of("sh", "-c", "echo go; yes | cat > /dev/null"))
                .awaitOut("go\n"::equals);
        Thread.sleep(30);
        assertThat(pipeline.interrupt()).isInstanceOf(InterruptedException.class);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (pipeThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(pipeThreads()).isZero();
    }

    @Test
    void aPipelineEndsWhenItsReaderDoes() {
        Run.sh("yes | head -n 3; seq 100000 | head -n 1").is("y\ny\ny\n1\n", "", 0);
    }

    @Test
    void processesKeepThePid1SignalDefaults() {
        for (String program : new String[] {"sh", "sleep", "yes", "cat"}) {
            Behaviour behaviour = Run.BUSYBOX.resolve("alpine", java.util.List.of(program)).orElseThrow();
            assertThat(behaviour.exitCodeOnSignal(Signals.SIGTERM)).isEqualTo(-1);
            assertThat(behaviour.exitCodeOnSignal(Signals.SIGINT)).isEqualTo(-1);
            assertThat(behaviour.exitCodeOnSignal(Signals.SIGKILL)).isEqualTo(137);
        }
    }

    private static long pipeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("dockmock-sh-")).count();
    }

    private static void write(PipedOutputStream input, String text) throws IOException {
        input.write(text.getBytes(StandardCharsets.UTF_8));
        input.flush();
    }
}
