package dev.dockmock.engine.containers;

import dev.dockmock.engine.process.ContainerProcesses;
import dev.dockmock.engine.process.PortAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The life of a {@link Container}: status, exits, times, pid, restarts, health, published ports
 * and its processes. A superclass rather than a part of its own, so a container is still one
 * object (docs/performance.md: every object per container is work for the collector). Every
 * mutator bumps the container's {@link StateVersion}, which cached lists rely on.
 */
public abstract sealed class ContainerRunState permits Container {
    /** Bumped by every mutator of the container, here and in {@link Container}. */
    final StateVersion version;
    private static final PortAnswer ACCEPT = new PortAnswer.Accept();

    private ContainerStatus status = ContainerStatus.CREATED;
    private int exitCode;
    private boolean oomKilled;
    private boolean stoppedByUser;
    private boolean removed;
    private String error = "";
    private Instant startedAt;
    private Instant finishedAt;
    private int pid;
    private int restartCount;
    private int exits;
    // null without a health check: most containers have none
    private HealthState health;
    private List<Container.PublishedPort> ports = List.of();
    // Made when first asked for: most containers of a busy test are never started or listed by ps.
    private volatile ContainerProcesses processes;
    // null until a start sets it: a created container keeps no answer object of its own
    private volatile PortAnswer portAnswer;

    ContainerRunState(StateVersion version) {
        this.version = version;
    }

    public ContainerStatus status() {
        return status;
    }

    void status(ContainerStatus next) {
        version.bump();
        this.status = next;
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean oomKilled() {
        return oomKilled;
    }

    public String error() {
        return error;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** The processes in the container's pid namespace (empty but for pid 1 until it starts). */
    public ContainerProcesses processes() {
        ContainerProcesses current = processes;
        if (current == null) {
            synchronized (this) {
                current = processes;
                if (current == null) {
                    current = new ContainerProcesses(List.of(), "");
                    processes = current;
                }
            }
        }
        return current;
    }

    /** A fresh pid namespace for a start, its main process running {@code argv}. */
    ContainerProcesses startProcesses(List<String> argv, String user, boolean init) {
        ContainerProcesses started = new ContainerProcesses(argv, user, init);
        processes = started;
        return started;
    }

    public int pid() {
        return pid;
    }

    public int restartCount() {
        return restartCount;
    }

    public boolean stoppedByUser() {
        return stoppedByUser;
    }

    public String health() {
        return health == null ? "" : health.status();
    }

    /** Sets the health status; {@code starting} begins afresh (no streak, no log), as every start does with dockerd. */
    void health(String next) {
        version.bump();
        health = HealthState.after(health, next);
    }

    /** Records a probe of the health check and the failing streak after it. */
    void probed(HealthState.Probe probe, int failingStreak) {
        if (health != null) {
            version.bump();
            health.record(probe, failingStreak);
        }
    }

    /** The {@code State.Health} document; null without a health check. */
    Map<String, Object> healthDocument() {
        return health == null ? null : health.document();
    }

    public List<Container.PublishedPort> ports() {
        return ports;
    }

    /** What a connection to one of its ports gets while it runs: its behaviour's answer (accepting, before any start). */
    public PortAnswer portAnswer() {
        PortAnswer answer = portAnswer;
        return answer != null ? answer : ACCEPT;
    }

    void started(Instant when, int newPid, List<Container.PublishedPort> published, PortAnswer answer) {
        version.bump();
        portAnswer = answer;
        status = ContainerStatus.RUNNING;
        startedAt = when;
        pid = newPid;
        exitCode = 0;
        oomKilled = false;
        error = "";
        stoppedByUser = false;
        ports = List.copyOf(published);
    }

    void exited(Instant when, int code, boolean oom) {
        version.bump();
        status = ContainerStatus.EXITED;
        exits++;
        finishedAt = when;
        exitCode = code;
        oomKilled = oom;
        pid = 0;
        ports = List.of();
        if (health != null) {
            health.status("unhealthy");
        }
    }

    void failedToStart(int code, String message) {
        version.bump();
        exitCode = code;
        error = message;
    }

    /** How many times it has exited, for waiters on the next exit. */
    public int exits() {
        return exits;
    }

    /** Whether it has been removed from the engine. */
    public boolean removed() {
        return removed;
    }

    void markRemoved() {
        version.bump();
        removed = true;
    }

    void markStoppedByUser() {
        version.bump();
        stoppedByUser = true;
    }

    void countRestart() {
        version.bump();
        restartCount++;
    }
}
