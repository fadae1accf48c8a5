package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The process table of one container's pid namespace: the main process is pid 1, every other
 * process (exec'd, or run by a shell) takes the next pid from 7 on, as a real container's first
 * exec usually does (runc's setup takes the ones between). Safe to use from any thread.
 */
public final class ContainerProcesses {
    private static final int FIRST_OTHER_PID = 7;
    private final Map<Integer, ProcessList.Entry> table = new TreeMap<>();
    private int nextPid = FIRST_OTHER_PID;

    private final int mainPid;

    /** A table holding the main process, running {@code argv} as {@code user}. */
    public ContainerProcesses(List<String> argv, String user) {
        this(argv, user, false);
    }

    /**
     * A table holding the main process; with {@code init}, PID 1 is {@code docker-init} and the
     * main process its child, the first pid after it.
     */
    public ContainerProcesses(List<String> argv, String user, boolean init) {
        if (init) {
            table.put(1, new ProcessList.Entry(1, 0, user, InitProcess.argv(argv)));
            mainPid = nextPid++;
            table.put(mainPid, new ProcessList.Entry(mainPid, 1, user, argv));
        } else {
            mainPid = 1;
            table.put(1, new ProcessList.Entry(1, 0, user, argv));
        }
    }

    /** What the main process sees. */
    public ProcessList main() {
        return new View(mainPid);
    }

    /** Starts an exec'd process (no parent in the container); close it when it ends. */
    public ProcessList.Child exec(List<String> argv, String user) {
        return add(0, user, argv);
    }

    private synchronized ProcessList.Child add(int ppid, String user, List<String> argv) {
        int pid = nextPid++;
        table.put(pid, new ProcessList.Entry(pid, ppid, user, argv));
        View view = new View(pid);
        return new ProcessList.Child() {
            @Override
            public ProcessList list() {
                return view;
            }

            @Override
            public void close() {
                remove(pid);
            }
        };
    }

    private synchronized void remove(int pid) {
        table.remove(pid);
    }

    private synchronized List<ProcessList.Entry> snapshot() {
        return new ArrayList<>(table.values());
    }

    private synchronized ProcessList.Entry entry(int pid) {
        return table.get(pid);
    }

    private synchronized void replace(int pid, List<String> argv) {
        ProcessList.Entry old = table.get(pid);
        if (old != null) {
            table.put(pid, new ProcessList.Entry(pid, old.ppid(), old.user(), argv));
        }
    }

    /** The table as the process {@code pid} sees it. */
    private final class View implements ProcessList {
        private final int pid;

        View(int pid) {
            this.pid = pid;
        }

        @Override
        public List<Entry> entries() {
            return snapshot();
        }

        @Override
        public int self() {
            return pid;
        }

        @Override
        public Child start(List<String> argv) {
            Entry parent = entry(pid);
            return add(pid, parent == null ? "" : parent.user(), argv);
        }

        @Override
        public void exec(List<String> argv) {
            replace(pid, argv);
        }
    }
}
