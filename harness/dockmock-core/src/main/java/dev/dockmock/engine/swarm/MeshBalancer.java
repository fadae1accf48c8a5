package dev.dockmock.engine.swarm;

import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.engine.process.PortAnswer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The routing mesh's load balancing for one listening port: each connection goes to the next of
 * the service's running tasks in turn, as the virtual IP's round robin does with dockerd. A task
 * that cannot answer (its container stopped since the list was made) is passed over; when none
 * can, the connection is closed.
 */
final class MeshBalancer implements HostPorts.Route {
    private final AtomicLong turns = new AtomicLong();
    private volatile List<Backend> backends = List.of();

    /** One task as the mesh reaches it: what its container answers now, empty when it cannot. */
    @FunctionalInterface
    interface Backend {
        Optional<PortAnswer> answer();
    }

    /** The tasks that answer from now on, in the order they take turns. */
    void use(List<Backend> now) {
        backends = List.copyOf(now);
    }

    @Override
    public Optional<PortAnswer> next() {
        List<Backend> current = backends;
        for (int tried = 0; tried < current.size(); tried++) {
            Backend backend = current.get((int) Math.floorMod(turns.getAndIncrement(), (long) current.size()));
            Optional<PortAnswer> answer = backend.answer();
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }
}
