package dev.dockmock.engine;

import dev.dockmock.engine.images.ImageCatalogue;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.engine.net.LoopbackPorts;
import dev.dockmock.engine.process.Program;
import dev.dockmock.engine.process.Programs;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * How an {@link Engine} is made: identity, clock, ids, timing, the registry catalogue, the
 * programs that simulate commands, host ports, the images present at start, and whether bind
 * mounts reach the host's files.
 *
 * @param hostBinds whether a bind mount ({@code -v /host/dir:/data}) reads and writes the host's
 *        files, as dockerd's do (the default); false for sandboxed use: each bind is then an
 *        in-memory directory of its container's, empty at first
 */
public record EngineConfig(DaemonIdentity identity, Clock clock, IdSource ids, EngineTiming timing,
        ImageCatalogue catalogue, Program programs, HostPorts ports, List<String> seedImages, boolean hostBinds) {

    public EngineConfig {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(programs, "programs");
        Objects.requireNonNull(ports, "ports");
        seedImages = List.copyOf(seedImages);
    }

    /** The built-in catalogue, random ids, the system clock, fast timing, real loopback ports, no images. */
    public static EngineConfig defaults() {
        ImageCatalogue catalogue = ImageCatalogue.builtIn();
        return new EngineConfig(DaemonIdentity.defaults(), Clock.systemUTC(), IdSource.random(), EngineTiming.fast(),
                catalogue, Programs.defaults(catalogue), new LoopbackPorts(), List.of(), true);
    }

    public EngineConfig withIds(IdSource newIds) {
        return new EngineConfig(identity, clock, newIds, timing, catalogue, programs, ports, seedImages, hostBinds);
    }

    public EngineConfig withClock(Clock newClock) {
        return new EngineConfig(identity, newClock, ids, timing, catalogue, programs, ports, seedImages, hostBinds);
    }

    public EngineConfig withTiming(EngineTiming newTiming) {
        return new EngineConfig(identity, clock, ids, newTiming, catalogue, programs, ports, seedImages, hostBinds);
    }

    public EngineConfig withIdentity(DaemonIdentity newIdentity) {
        return new EngineConfig(newIdentity, clock, ids, timing, catalogue, programs, ports, seedImages, hostBinds);
    }

    public EngineConfig withPorts(HostPorts newPorts) {
        return new EngineConfig(identity, clock, ids, timing, catalogue, programs, newPorts, seedImages, hostBinds);
    }

    public EngineConfig withPrograms(Program newPrograms) {
        return new EngineConfig(identity, clock, ids, timing, catalogue, newPrograms, ports, seedImages, hostBinds);
    }

    /** Images present when the engine starts (as if pulled before): {@code alpine:3.20}, ... */
    public EngineConfig withSeedImages(List<String> references) {
        return new EngineConfig(identity, clock, ids, timing, catalogue, programs, ports, references, hostBinds);
    }

    /** Whether bind mounts read and write the host's files ({@code dockmock serve --no-host-binds} turns it off). */
    public EngineConfig withHostBinds(boolean newHostBinds) {
        return new EngineConfig(identity, clock, ids, timing, catalogue, programs, ports, seedImages, newHostBinds);
    }
}
