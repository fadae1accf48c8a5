package dev.dockmock.engine.containers;

import dev.dockmock.engine.process.OutputLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container: its identity, spec, log, networks, execs and volumes; its life (status, exits,
 * times, processes) is {@link ContainerRunState}'s. Mutable: every change happens under the
 * engine's lock, through the engine, so that state, events and waiters stay consistent; every
 * mutator bumps the state version that cached lists (ContainerListCache) rely on.
 */
public final class Container extends ContainerRunState {
    private final String id;
    // The creation time as two numbers, and the lists below empty until used: tens of thousands
    // of containers are a normal load, and every object per container is work for the collector.
    private final long createdSecond;
    private final int createdNano;
    private final String imageId;
    private final ContainerSpec spec;
    private final OutputLog log;
    private String name;
    private Map<String, Endpoint> endpoints = Map.of();
    private List<String> execIds = List.of();
    private List<VolumeMount> volumeMounts = List.of();

    /** A published port: container port ({@code 80/tcp}) to the loopback port that answers for it. */
    public record PublishedPort(String containerPort, String hostIp, int hostPort) {
    }

    /** The container's place on a network. */
    public record Endpoint(String networkId, String endpointId, String ipAddress, String gateway, int prefixLength,
            String macAddress, List<String> aliases) {
    }

    Container(String id, String name, Instant created, String imageId, ContainerSpec spec, OutputLog log, StateVersion version) {
        super(version);
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

    public Map<String, Endpoint> endpoints() {
        return Map.copyOf(endpoints);
    }

    public List<String> execIds() {
        return List.copyOf(execIds);
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
