package dev.dockmock.engine.exec;

import java.util.List;
import java.util.Map;

/** One exec instance: created against a running container, started once, ends with an exit code. */
public final class ExecInstance {
    private final String id;
    private final String containerId;
    private final List<String> argv;
    private final Map<String, String> env;
    private final String workingDir;
    private final String user;
    private final boolean tty;
    private final boolean attachStdin;
    private final boolean attachStdout;
    private final boolean attachStderr;
    private final boolean privileged;
    private boolean started;
    private boolean running;
    private Integer exitCode;
    private int pid;
    private volatile dev.dockmock.engine.process.Terminal terminal;
    private volatile int[] size = {0, 0};

    ExecInstance(String id, String containerId, List<String> argv, Map<String, String> env, String workingDir, String user,
            boolean tty, boolean attachStdin, boolean attachStdout, boolean attachStderr, boolean privileged) {
        this.id = id;
        this.containerId = containerId;
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.workingDir = workingDir;
        this.user = user;
        this.tty = tty;
        this.attachStdin = attachStdin;
        this.attachStdout = attachStdout;
        this.attachStderr = attachStderr;
        this.privileged = privileged;
    }

    /** The terminal of a started exec with {@code Tty} and stdin; a resize sizes it. */
    void terminal(dev.dockmock.engine.process.Terminal started) {
        terminal = started;
        started.resize(size[0], size[1]);
    }

    /** {@code POST /exec/{id}/resize}: sizes its terminal, or the one it will get when it starts. */
    void resize(int rows, int columns) {
        size = new int[] {rows, columns};
        dev.dockmock.engine.process.Terminal current = terminal;
        if (current != null) {
            current.resize(rows, columns);
        }
    }

    public String id() {
        return id;
    }

    public String containerId() {
        return containerId;
    }

    public List<String> argv() {
        return argv;
    }

    public Map<String, String> env() {
        return env;
    }

    public String workingDir() {
        return workingDir;
    }

    public String user() {
        return user;
    }

    public boolean tty() {
        return tty;
    }

    public boolean attachStdin() {
        return attachStdin;
    }

    public boolean attachStdout() {
        return attachStdout;
    }

    public boolean attachStderr() {
        return attachStderr;
    }

    public boolean privileged() {
        return privileged;
    }

    public boolean started() {
        return started;
    }

    public boolean running() {
        return running;
    }

    public Integer exitCode() {
        return exitCode;
    }

    public int pid() {
        return pid;
    }

    void markStarted(int newPid) {
        started = true;
        running = true;
        pid = newPid;
    }

    void markExited(int code) {
        running = false;
        exitCode = code;
    }
}
