package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.RunningProcess;
import dev.dockmock.engine.process.StdinPipe;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What runs for each container: its simulated process, its stdin, its health monitor, and whether
 * its next exit is an OOM kill. Shared by the lifecycle's parts; guarded by the engine's lock.
 */
final class ProcessTable {
    final Map<String, RunningProcess> processes = new HashMap<>();
    final Map<String, StdinPipe> stdins = new HashMap<>();
    final Map<String, dev.dockmock.engine.process.Terminal> terminals = new HashMap<>();
    final Map<String, HealthMonitor> monitors = new HashMap<>();
    final Set<String> oomPending = new HashSet<>();
    private final EngineContext context;
    private int nextPid = 1000;
    /** While the daemon restarts, exits do not trigger restart policies. */
    boolean daemonStopping;

    ProcessTable(EngineContext context) {
        this.context = context;
    }

    int nextPid() {
        return nextPid++;
    }

    /** Waits (releasing the lock) until the container is down; false when {@code limit} passed first. */
    boolean awaitDown(Container container, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        synchronized (context.lock()) {
            while (container.status().isUp()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                context.lock().wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
