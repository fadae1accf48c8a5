package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code a | b | c}: every stage in a subshell, concurrently, the earlier ones on their own
 * threads joined by {@link BytePipe}s and the last on the caller's thread. The status is the last
 * stage's (with {@code set -o pipefail}, the last non-zero one).
 */
final class Pipelines {

    private Pipelines() {
    }

    static int run(ShellRunner shell, List<ShellNode> stages, Streams io) throws InterruptedException {
        int count = stages.size();
        BytePipe[] pipes = new BytePipe[count - 1];
        for (int i = 0; i < pipes.length; i++) {
            pipes[i] = new BytePipe();
        }
        int[] statuses = new int[count];
        RuntimeException[] failures = new RuntimeException[count];
        List<Thread> threads = new ArrayList<>();
        boolean finished = false;
        try {
            for (int i = 0; i < count - 1; i++) {
                int index = i;
                Streams streams = new Streams(i == 0 ? io.in() : pipes[i - 1].input(), pipes[i]::write, io.err());
                ShellRunner stage = shell.subshell();
                Thread thread = new Thread(() -> {
                    try {
                        statuses[index] = runStage(stage, stages.get(index), streams);
                    } catch (InterruptedException e) {
                        statuses[index] = 128 + Signals.SIGTERM;
                    } catch (RuntimeException e) {
                        failures[index] = e;
                    } finally {
                        pipes[index].closeWriter();
                        if (index > 0) {
                            pipes[index - 1].closeReader();
                        }
                    }
                }, "dockmock-sh-pipe");
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            try {
                statuses[count - 1] = runStage(shell.subshell(), stages.get(count - 1), io.withIn(pipes[count - 2].input()));
            } finally {
                pipes[count - 2].closeReader();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            finished = true;
        } finally {
            if (!finished) {
                threads.forEach(Thread::interrupt);
            }
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        return status(shell.state, statuses);
    }

    private static int runStage(ShellRunner stage, ShellNode node, Streams streams) throws InterruptedException {
        try {
            return stage.isolated(node, streams);
        } catch (ShellControl.BrokenPipe e) {
            return 128 + 13;
        }
    }

    private static int status(ShellState state, int[] statuses) {
        if (state.pipefail) {
            for (int i = statuses.length - 1; i >= 0; i--) {
                if (statuses[i] != 0) {
                    return statuses[i];
                }
            }
        }
        return statuses[statuses.length - 1];
    }
}
