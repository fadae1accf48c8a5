package dev.dockmock.scenario.run;

import dev.dockmock.admin.FaultDocument;
import dev.dockmock.cluster.ClusterNode;
import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.scenario.model.ActionStep;

/** Carries out an {@link ActionStep} on the scenario's dockmock. */
final class Actions {

    private Actions() {
    }

    static StepOutput run(ActionStep step, Instance instance) throws InterruptedException {
        String said = switch (step.action()) {
            case "sleep" -> {
                Thread.sleep(step.pause().toMillis());
                yield "slept " + DockerProcess.pretty(step.pause());
            }
            case "faults" -> {
                instance.control().apply(FaultDocument.parse(step.faults().orElseThrow().text()));
                yield "applied the faults of " + step.faults().get().origin();
            }
            case "clear-faults" -> {
                instance.control().clearFaults();
                yield "cleared every fault";
            }
            case "restart-daemon" -> {
                instance.control().restartDaemon();
                yield "restarted the daemon";
            }
            case "reset" -> {
                instance.control().reset();
                yield "reset the engine";
            }
            case "clear-journal" -> {
                instance.control().journal().clear();
                yield "cleared the journal";
            }
            case "kill-leader" -> "took the leader " + swarm(instance).killLeader().name() + " down";
            default -> swarmNode(step, instance);
        };
        return new StepOutput(null, said + "\n", "", null, null);
    }

    private static String swarmNode(ActionStep step, Instance instance) {
        SwarmCluster cluster = swarm(instance);
        ClusterNode node;
        try {
            node = cluster.node(step.node().orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the swarm has no node \"" + step.node().get() + "\"; it has "
                    + cluster.nodes().stream().map(ClusterNode::name).toList());
        }
        switch (step.action()) {
            case "down" -> cluster.down(node);
            case "up" -> cluster.up(node);
            case "partition" -> cluster.partition(node);
            case "heal" -> cluster.heal(node);
            case "demote" -> cluster.demote(node);
            default -> throw new IllegalArgumentException("unknown action " + step.action());
        }
        return step.action() + " " + node.name();
    }

    private static SwarmCluster swarm(Instance instance) {
        return instance.cluster().orElseThrow(() -> new IllegalStateException("this action needs a swarm"));
    }
}
