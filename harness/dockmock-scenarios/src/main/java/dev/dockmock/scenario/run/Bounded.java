package dev.dockmock.scenario.run;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a piece of work on a thread of its own, interrupting it when it outlives its time-out. */
final class Bounded {

    private Bounded() {
    }

    /** Thrown when the work did not end in time. */
    static final class TimedOut extends Exception {
        TimedOut(Duration timeout) {
            super("did not finish within " + DockerProcess.pretty(timeout) + " and was stopped");
        }
    }

    static <T> T call(String threadName, Callable<T> work, Duration timeout) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new TimedOut(timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (InterruptedException e) {
            task.cancel(true);
            throw e;
        }
    }
}
