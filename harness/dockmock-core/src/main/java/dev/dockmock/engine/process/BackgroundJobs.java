package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Commands started with {@code &}: each runs on its own thread until done or interrupted. */
final class BackgroundJobs {
    private static final int FIRST_PID = 100;

    /** A background command's work. */
    @FunctionalInterface
    interface Task {
        int run() throws InterruptedException;
    }

    private static final class Job {
        final Thread thread;
        volatile int status;

        Job(Thread thread) {
            this.thread = thread;
        }
    }

    private final Map<Integer, Job> jobs = new LinkedHashMap<>();
    private int nextPid = FIRST_PID;
    private int lastPid;

    /** Starts {@code task}; returns the process id it is known by ({@code $!}). */
    synchronized int start(Task task) {
        int pid = nextPid++;
        Job[] holder = new Job[1];
        Thread thread = new Thread(() -> {
            try {
                holder[0].status = task.run();
            } catch (InterruptedException e) {
                holder[0].status = 128 + Signals.SIGTERM;
            } catch (ShellControl.BrokenPipe e) {
                holder[0].status = 128 + 13;
            }
        }, "dockmock-sh-job-" + pid);
        thread.setDaemon(true);
        holder[0] = new Job(thread);
        jobs.put(pid, holder[0]);
        lastPid = pid;
        thread.start();
        return pid;
    }

    synchronized int lastPid() {
        return lastPid;
    }

    /** {@code wait PID}: its exit status, or 127 when there is no such job. */
    int await(int pid) throws InterruptedException {
        Job job;
        synchronized (this) {
            job = jobs.remove(pid);
        }
        if (job == null) {
            return 127;
        }
        job.thread.join();
        return job.status;
    }

    /** {@code wait}: waits for every job; 0. */
    int awaitAll() throws InterruptedException {
        List<Integer> pids;
        synchronized (this) {
            pids = new ArrayList<>(jobs.keySet());
        }
        for (int pid : pids) {
            await(pid);
        }
        return 0;
    }

    /** Ends what is still running, as the kernel does when a container's PID 1 exits. */
    synchronized void killAll() {
        jobs.values().forEach(job -> job.thread.interrupt());
        jobs.clear();
    }
}
