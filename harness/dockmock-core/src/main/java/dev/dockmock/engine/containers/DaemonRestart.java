package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.RunningProcess;
import dev.dockmock.engine.process.Signals;
import dev.dockmock.protocol.DockerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A daemon restart as its containers live it: stopped as on shutdown, then started again by their restart policy. */
final class DaemonRestart {
    private final EngineContext context;
    private final Containers containers;
    private final ContainerEvents events;
    private final ProcessTable table;
    private final Consumer<Container> run;

    DaemonRestart(EngineContext context, Containers containers, ContainerEvents events, ProcessTable table,
            Consumer<Container> run) {
        this.context = context;
        this.containers = containers;
        this.events = events;
        this.table = table;
        this.run = run;
    }

    void restart() throws InterruptedException {
        List<Container> wereUp = new ArrayList<>();
        synchronized (context.lock()) {
            table.daemonStopping = true;
            for (Container container : containers.all()) {
                if (container.status() == ContainerStatus.RESTARTING) {
                    container.status(ContainerStatus.EXITED);
                    wereUp.add(container);
                } else if (container.status().isUp()) {
                    wereUp.add(container);
                    RunningProcess process = table.processes.get(container.id());
                    events.publish(container, "kill", Map.of("signal", String.valueOf(Signals.SIGTERM)));
                    if (process != null && !process.signal(Signals.SIGTERM)) {
                        events.publish(container, "kill", Map.of("signal", String.valueOf(Signals.SIGKILL)));
                        process.terminate(137);
                    }
                }
            }
        }
        try {
            for (Container container : wereUp) {
                table.awaitDown(container, Duration.ofSeconds(30));
            }
        } finally {
            synchronized (context.lock()) {
                table.daemonStopping = false;
            }
        }
        synchronized (context.lock()) {
            for (Container container : wereUp) {
                String policy = container.spec().restartPolicy();
                if (containers.find(container.id()).isPresent() && !container.status().isUp()
                        && (policy.equals("always") || policy.equals("unless-stopped"))) {
                    try {
                        run.accept(container);
                    } catch (DockerException e) {
                        // it stays exited, as after a failed restart
                    }
                }
            }
            context.changed();
        }
    }
}
