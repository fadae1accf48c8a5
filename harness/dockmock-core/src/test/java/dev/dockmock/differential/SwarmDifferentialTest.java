package dev.dockmock.differential;


import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Swarm mode, the same docker CLI commands against Debian's dockerd and dockmock (a pair of its
 * own, as {@code swarm init} changes the daemon for good). Swarm ids and join tokens are random
 * per daemon and masked; the commands avoid what is known to differ (host names, engine versions,
 * the digest warning of a registry dockerd cannot reach: {@code --no-resolve-image}).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SwarmDifferentialTest extends BothServersTest {
    private static final UnaryOperator<String> SWARM_IDS = text -> text
            .replaceAll("SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}", "<join-token>")
            .replaceAll("\\b(?=[a-z]*[0-9])[0-9a-z]{25}\\b", "<swarm-id>")
            .replaceAll("\\b(?=[a-z]*[0-9])[0-9a-z]{12}\\b", "<short-swarm-id>");


    @Test
    void aSwarmOfOneFromInitToLeave() throws Exception {
        servers.assertSame(s -> {
            s.run("node", "ls");
            s.run("service", "ls");
            s.run("swarm", "leave");
            s.run(SWARM_IDS, "swarm", "init", "--advertise-addr", "127.0.0.1");
            s.run("swarm", "init", "--advertise-addr", "127.0.0.1");
            s.run("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.NodeAddr}} {{.Swarm.Nodes}} "
                    + "{{.Swarm.Managers}} {{.Swarm.Cluster.Spec.Orchestration.TaskHistoryRetentionLimit}} {{.Swarm.Cluster.SubnetSize}}");
            s.run("node", "ls", "--format", "{{.Self}} {{.Status}} {{.Availability}} {{.ManagerStatus}}");
            s.run(SWARM_IDS, "swarm", "join-token", "worker");
            s.run("node", "inspect", "--format", "{{.Spec.Role}} {{.Spec.Availability}} {{.Status.State}} {{.Status.Addr}} "
                    + "{{.ManagerStatus.Leader}} {{.ManagerStatus.Addr}}", "self");

            s.run(SWARM_IDS, "service", "create", "-q", "--no-resolve-image", "--name", "web", "--replicas", "2",
                    "--stop-grace-period", "1s", "alpine:3.20", "sleep", "1000");
            s.run("service", "ls", "--format", "{{.Name}} {{.Mode}} {{.Replicas}} {{.Image}}");
            s.run("service", "ps", "--format", "{{.Name}} {{.Image}} {{.DesiredState}} {{.Error}}", "web");
            s.run("service", "inspect", "--format", "{{.Spec.Name}} {{.Spec.Mode.Replicated.Replicas}} "
                    + "{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.Spec.TaskTemplate.ContainerSpec.Args}} {{.Spec.EndpointSpec.Mode}}", "web");
            s.run("ps", "--filter", "label=com.docker.swarm.service.name=web", "--format", "{{.Label \"com.docker.swarm.task\"}}|"
                    + "{{.Label \"com.docker.swarm.service.name\"}}");
            s.run(SWARM_IDS, "service", "create", "--no-resolve-image", "--name", "web", "alpine:3.20", "sleep", "1");
            s.run("service", "update", "-q", "--replicas", "3", "web");
            s.run("service", "ls", "--format", "{{.Name}} {{.Replicas}}");
            s.run("service", "inspect", "nosuchservice");
            s.run("service", "rm", "nosuchservice");
            s.run("node", "inspect", "nosuchnode");
            s.run("service", "rm", "web");

            s.runWithInput("s3cr3t", SWARM_IDS, "secret", "create", "pw", "-");
            s.runWithInput("s3cr3t", SWARM_IDS, "secret", "create", "pw", "-");
            s.run("secret", "ls", "--format", "{{.Name}}");
            s.run("secret", "inspect", "--format", "{{.Spec.Name}} {{.Spec.Data}}", "pw");
            s.run("secret", "rm", "pw");
            s.run("secret", "inspect", "pw");
            s.runWithInput("port: 80", SWARM_IDS, "config", "create", "app", "-");
            s.run("config", "inspect", "--format", "{{.Spec.Name}} {{printf \"%s\" .Spec.Data}}", "app");
            s.run("config", "rm", "app");

            s.run("swarm", "leave");
            s.run("swarm", "leave", "--force");
            s.run("info", "--format", "{{.Swarm.LocalNodeState}}");
        });
    }
}
