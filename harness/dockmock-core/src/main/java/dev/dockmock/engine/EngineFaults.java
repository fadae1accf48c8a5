package dev.dockmock.engine;

import dev.dockmock.dispatch.Glob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Docker-level faults the engine carries out itself: pulls that fail after some progress or
 * crawl, and containers that exit, are OOM-killed or flap their health. Added at any time;
 * container faults apply to matching containers running now and to those started later.
 */
public final class EngineFaults {

    /**
     * A pull of images matching {@code image} (a glob on {@code alpine}, {@code alpine:3.20}) that
     * streams progress more slowly ({@code step}, null for the engine's pace) and, when
     * {@code error} is set, ends with it in-band after some progress, as a broken download does.
     */
    public record PullFault(String image, String error, Duration step, int times) {
        public PullFault {
            Objects.requireNonNull(image, "image");
        }
    }

    /** A fault on containers whose name or image matches {@code target} (a glob). */
    public sealed interface ContainerFault {
        String target();

        /** The main process exits with {@code code}, {@code after} its start. */
        record Exit(String target, int code, Duration after) implements ContainerFault {
        }

        /** The OOM killer ends it {@code after} its start: exit 137, {@code OOMKilled}, an {@code oom} event before {@code die}. */
        record OomKill(String target, Duration after) implements ContainerFault {
        }

        /** Its health turns healthy and unhealthy in turn every {@code period}, with dockerd's events. */
        record FlappingHealth(String target, Duration period) implements ContainerFault {
        }
    }

    private record CountedPull(PullFault fault, AtomicInteger remaining) {
    }

    private final List<CountedPull> pulls = new CopyOnWriteArrayList<>();
    private final List<ContainerFault> containers = new CopyOnWriteArrayList<>();
    private volatile Runnable onContainerFault = () -> { };

    public void addPull(PullFault fault) {
        pulls.add(new CountedPull(fault, new AtomicInteger(fault.times() <= 0 ? Integer.MAX_VALUE : fault.times())));
    }

    /** Adds a container fault; containers running now that match get it at once. */
    public void addContainer(ContainerFault fault) {
        containers.add(Objects.requireNonNull(fault, "fault"));
        onContainerFault.run();
    }

    /** The pull fault for this reference, with one use taken; checked against each form given. */
    public Optional<PullFault> claimPull(String... references) {
        for (CountedPull counted : pulls) {
            Glob glob = Glob.of(counted.fault().image());
            for (String reference : references) {
                if (glob.matches(reference) && counted.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return Optional.of(counted.fault());
                }
            }
        }
        return Optional.empty();
    }

    /** The container faults whose target matches the container's name or image. */
    public List<ContainerFault> forContainer(String name, String image) {
        List<ContainerFault> matching = new ArrayList<>();
        for (ContainerFault fault : containers) {
            Glob glob = Glob.of(fault.target());
            if (glob.matches(name) || glob.matches(image)) {
                matching.add(fault);
            }
        }
        return matching;
    }

    public List<PullFault> pulls() {
        return pulls.stream().map(CountedPull::fault).toList();
    }

    public List<ContainerFault> containers() {
        return List.copyOf(containers);
    }

    /** Removes every engine fault; faults already scheduled on running containers are cancelled too. */
    public void clear() {
        pulls.clear();
        containers.clear();
        onContainerFault.run();
    }

    /** Called by the engine: runs when container faults change. */
    public void onContainerFault(Runnable hook) {
        this.onContainerFault = Objects.requireNonNull(hook, "hook");
    }
}
