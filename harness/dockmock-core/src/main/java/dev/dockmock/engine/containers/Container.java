package dev.dockmock.engine.containers;

import dev.dockmock.engine.process.ContainerProcesses;
import dev.dockmock.engine.process.OutputLog;
import dev.dockmock.engine.process.PortAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container. Mutable: every change happens under the engine's lock, through the engine, so
 * that state, events and waiters stay consistent.
 */
public final class Container {
    private final String id;
    // The creation time as two numbers, and the lists below empty until used: tens of thousands
    // of containers are a normal load, and every object per container is work for the collector.
    private final long createdSecond;
    private final int createdNano;
    private final String imageId;
    private final ContainerSpec spec;
    private final OutputLog log;
    private String name;
    private ContainerStatus status = ContainerStatus.CREATED;
    private int exitCode;
    private boolean oomKilled;
    private String error = "";
    private Instant startedAt;
    private Instant finishedAt;
    private int pid;
    private int restartCount;
    private boolean stoppedByUser;
    private String health = "";
    private boolean removed;
    private int exits;
    private List<PublishedPort> ports = List.of();
    private Map<String, Endpoint> endpoints = Map.of();
    private List<String> execIds = List.of();
    // Made when first asked for: most containers of a busy test are never started or listed by ps.
    private volatile ContainerProcesses processes;
    private List<VolumeMount> volumeMounts = List.of();
    private volatile PortAnswer portAnswer = new PortAnswer.Accept();
    // Every mutator below bumps it: cached lists (ContainerListCache) rely on that.
    private final StateVersion version;

    /** A published port: container port ({@code 80/tcp}) to the loopback port that answers for it. */
    public record PublishedPort(String containerPort, String hostIp, int hostPort) {
    }

    /** The container's place on a network. */
    public record Endpoint(String networkId, String endpointId, String ipAddress, String gateway, int prefixLength,
            String macAddress, List<String> aliases) {
    }

    Container(String id, String name, Instant created, String imageId, ContainerSpec spec, OutputLog log, StateVersion version) {
        this.version = version;
        this.id = id;
        this.name = name;
        this.createdSecond = created.getEpochSecond();
        this.createdNano = created.getNano();
        this.imageId = imageId;
        this.spec = spec;
        this.log = log;
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public String name() {
        return name;
    }

    /** The name, changed before the container is in the store (a generated name was taken meanwhile). */
    void nameBeforeInsert(String newName) {
        this.name = newName;
    }

    void rename(String newName) {
        version.bump();
        this.name = newName;
    }

    public Instant created() {
        return Instant.ofEpochSecond(createdSecond, createdNano);
    }

    public String imageId() {
        return imageId;
    }

    public ContainerSpec spec() {
        return spec;
    }

    public OutputLog log() {
        return log;
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
    ContainerProcesses startProcesses(List<String> argv, String user) {
        ContainerProcesses started = new ContainerProcesses(argv, user);
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
        return health;
    }

    void health(String next) {
        version.bump();
        this.health = next;
    }

    /** What a connection to one of its ports gets while it runs: its behaviour's answer. */
    public PortAnswer portAnswer() {
        return portAnswer;
    }

    public List<PublishedPort> ports() {
        return ports;
    }

    public Map<String, Endpoint> endpoints() {
        return Map.copyOf(endpoints);
    }

    public List<String> execIds() {
        return List.copyOf(execIds);
    }

    void started(Instant when, int newPid, List<PublishedPort> published, PortAnswer answer) {
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
        if (!health.isEmpty()) {
            health = "unhealthy";
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

    void attach(String network, Endpoint endpoint) {
        version.bump();
        if (endpoints.isEmpty()) {
            endpoints = new LinkedHashMap<>();
        }
        endpoints.put(network, endpoint);
    }

    void detach(String network) {
        version.bump();
        if (endpoints.containsKey(network)) {
            endpoints.remove(network);
        }
    }

    /** The volumes it mounts, fixed when it is created. */
    public List<VolumeMount> volumeMounts() {
        return volumeMounts;
    }

    void volumeMounts(List<VolumeMount> mounts) {
        version.bump();
        this.volumeMounts = List.copyOf(mounts);
    }

    /** Replaces the fields of its {@code HostConfig} ({@code docker update}). */
    void updateHostConfig(com.fasterxml.jackson.databind.node.ObjectNode fields) {
        version.bump();
        spec.hostConfig().setAll(fields);
    }

    void addExec(String execId) {
        version.bump();
        if (execIds.isEmpty()) {
            execIds = new ArrayList<>();
        }
        execIds.add(execId);
    }
}
