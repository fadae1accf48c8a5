package dev.dockmock.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code /info} document, shaped as dockerd 28 writes it. */
final class SystemInfo {
    static final String KERNEL = "6.1.0-dockmock";

    /** The state counts {@code docker info} shows. */
    record Counts(int containers, int running, int paused, int stopped, int images) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    private final DaemonIdentity identity;
    private final Counts counts;
    private final Map<String, Object> swarm;

    SystemInfo(DaemonIdentity identity, Counts counts, Map<String, Object> swarm) {
        this.identity = identity;
        this.counts = counts;
        this.swarm = swarm;
    }

    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ID", identity.id());
        doc.put("Containers", counts.containers());
        doc.put("ContainersRunning", counts.running());
        doc.put("ContainersPaused", counts.paused());
        doc.put("ContainersStopped", counts.stopped());
        doc.put("Images", counts.images());
        doc.put("Driver", "overlay2");
        doc.put("DriverStatus", List.of(List.of("Backing Filesystem", "extfs"), List.of("Supports d_type", "true")));
        doc.put("Plugins", Map.of(
                "Volume", List.of("local"),
                "Network", List.of("bridge", "host", "null"),
                "Authorization", List.of(),
                "Log", List.of("json-file", "local")));
        doc.put("MemoryLimit", true);
        doc.put("SwapLimit", true);
        doc.put("CpuCfsPeriod", true);
        doc.put("CpuCfsQuota", true);
        doc.put("CPUShares", true);
        doc.put("CPUSet", true);
        doc.put("PidsLimit", true);
        doc.put("IPv4Forwarding", true);
        doc.put("Debug", false);
        doc.put("NFd", 24);
        doc.put("OomKillDisable", false);
        doc.put("NGoroutines", 40);
        doc.put("SystemTime", Instant.now().toString());
        doc.put("LoggingDriver", "json-file");
        doc.put("CgroupDriver", "systemd");
        doc.put("CgroupVersion", "2");
        doc.put("NEventsListener", 0);
        doc.put("KernelVersion", KERNEL);
        doc.put("OperatingSystem", "dockmock");
        doc.put("OSVersion", "");
        doc.put("OSType", "linux");
        doc.put("Architecture", "x86_64");
        doc.put("IndexServerAddress", "https://index.docker.io/v1/");
        doc.put("RegistryConfig", Map.of(
                "InsecureRegistryCIDRs", List.of("::1/128", "127.0.0.0/8"),
                "IndexConfigs", Map.of("docker.io", Map.of(
                        "Name", "docker.io", "Mirrors", List.of(), "Secure", true, "Official", true)),
                "Mirrors", List.of()));
        doc.put("NCPU", Runtime.getRuntime().availableProcessors());
        doc.put("MemTotal", 8L * 1024 * 1024 * 1024);
        doc.put("GenericResources", null);
        doc.put("DockerRootDir", "/var/lib/docker");
        doc.put("HttpProxy", "");
        doc.put("HttpsProxy", "");
        doc.put("NoProxy", "");
        doc.put("Name", identity.name());
        doc.put("Labels", List.of());
        doc.put("ExperimentalBuild", false);
        doc.put("ServerVersion", identity.engineVersion());
        doc.put("Runtimes", Map.of("runc", Map.of("path", "runc")));
        doc.put("DefaultRuntime", "runc");
        doc.put("Swarm", swarm);
        doc.put("LiveRestoreEnabled", false);
        doc.put("Isolation", "");
        doc.put("InitBinary", "docker-init");
        doc.put("ContainerdCommit", BundledBinary.CONTAINERD.infoCommit());
        doc.put("RuncCommit", BundledBinary.RUNC.infoCommit());
        doc.put("InitCommit", BundledBinary.DOCKER_INIT.infoCommit());
        doc.put("SecurityOptions", List.of("name=seccomp,profile=builtin", "name=cgroupns"));
        doc.put("Warnings", List.of());
        return doc;
    }
}
