package dev.dockmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.networks.Cidr;
import dev.dockmock.testing.DockerCli.Result;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Plain containers on the overlay networks of a swarm of two managers and two workers, driven
 * by the docker CLI: an {@code --attachable} network takes them on any node (a worker gets the
 * network while one runs there), another refuses them with dockerd's message; and
 * {@code network prune} on a manager removes the swarm's unused networks only.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachableOverlayClusterTest extends ClusterCliTest {

    @Test
    @Order(1)
    void anAttachableNetworkTakesPlainContainersOnAnyNodeAndAnotherRefusesThem() throws Exception {
        ok("manager1", "network", "create", "-d", "overlay", "--attachable", "att");
        ok("manager1", "network", "create", "-d", "overlay", "side");
        Cidr subnet = Cidr.parse(ok("manager1", "network", "inspect", "--format", "{{(index .IPAM.Config 0).Subnet}}", "att")
                .stdout().strip()).orElseThrow();

        ok("worker1", "run", "-d", "--name", "plain", "--network", "att", "nginx");
        ok("manager2", "run", "-d", "--name", "plain", "--network", "att", "nginx");

        assertThat(networks("worker1", "att")).isEqualTo("att overlay swarm\n");
        String onWorker = ok("worker1", "inspect", "--format", "{{(index .NetworkSettings.Networks \"att\").IPAddress}}", "plain")
                .stdout().strip();
        String onManager = ok("manager2", "inspect", "--format", "{{(index .NetworkSettings.Networks \"att\").IPAddress}}", "plain")
                .stdout().strip();
        assertThat(subnet.contains(Cidr.parseAddress(onWorker).orElseThrow())).as(onWorker).isTrue();
        assertThat(subnet.contains(Cidr.parseAddress(onManager).orElseThrow())).as(onManager).isTrue();
        assertThat(onWorker).isNotEqualTo(onManager);
        Result refused = run("worker2", "run", "-d", "--network", "side", "nginx");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("Could not attach to network side: rpc error: code = PermissionDenied desc = "
                + "network side not manually attachable");
        assertThat(networks("worker2", "side")).isEmpty();

        ok("worker1", "rm", "-f", "plain");

        assertThat(networks("worker1", "att")).isEmpty();
        assertThat(networks("manager2", "att")).isEqualTo("att overlay swarm\n");
    }

    @Test
    @Order(2)
    void networkConnectOnAWorkerBringsAnAttachableNetworkAndRefusesAnother() throws Exception {
        ok("worker2", "run", "-d", "--name", "lone", "nginx");

        ok("worker2", "network", "connect", "att", "lone");
        Result refused = run("worker2", "network", "connect", "side", "lone");

        assertThat(networks("worker2", "att")).isEqualTo("att overlay swarm\n");
        assertThat(ok("worker2", "inspect", "--format", "{{len .NetworkSettings.Networks}}", "lone").stdout()).isEqualTo("2\n");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("Could not attach to network side: rpc error: code = PermissionDenied desc = "
                + "network side not manually attachable");
        ok("worker2", "rm", "-f", "lone");
        assertThat(networks("worker2", "att")).isEmpty();
    }

    @Test
    @Order(3)
    void pruneOnAManagerRemovesTheSwarmsUnusedNetworksOnly() throws Exception {
        ok("manager1", "network", "create", "-d", "overlay", "spare");
        ok("manager1", "service", "create", "-d", "--name", "pub", "--network", "side", "nginx");

        String pruned = ok("manager2", "network", "prune", "-f").stdout();

        assertThat(pruned.lines()).contains("spare").doesNotContain("side", "att", "ingress");
        assertThat(networks("manager1", "spare")).isEmpty();
        assertThat(networks("manager1", "side")).isEqualTo("side overlay swarm\n");
        assertThat(networks("manager1", "ingress")).isEqualTo("ingress overlay swarm\n");
    }
}
