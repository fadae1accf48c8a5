package dev.dockmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.networks.Cidr;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.DockerCli.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Overlay networks of a swarm of two managers and two workers, driven by the docker CLI: a
 * network made on one manager is listed by the other, reaches a worker only while a task of a
 * service on it runs there, gives tasks on different nodes different addresses from its one
 * subnet and the service a virtual IP, and cannot be removed while a service uses it.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverlayNetworkClusterTest extends ClusterCliTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean holds(Check check) {
        try {
            return check.holds();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String appAddress(String node) throws Exception {
        String id = ok(node, "ps", "-q", "--filter", "label=com.docker.swarm.service.name=app").stdout().strip();
        assertThat(id).as("the task container on %s", node).isNotEmpty().doesNotContain("\n");
        return ok(node, "inspect", "--format", "{{(index .NetworkSettings.Networks \"ov\").IPAddress}}", id).stdout().strip();
    }

    @Test
    @Order(1)
    void aNetworkMadeOnOneManagerIsListedOnEveryManagerButNotOnAWorker() throws Exception {
        ok("manager1", "network", "create", "-d", "overlay", "ov");
        ok("manager2", "network", "create", "-d", "overlay", "side");

        assertThat(networks("manager2", "ov")).isEqualTo("ov overlay swarm\n");
        assertThat(networks("manager1", "side")).isEqualTo("side overlay swarm\n");
        assertThat(ok("manager2", "network", "inspect", "--format", "{{.Id}}", "ov").stdout())
                .isEqualTo(ok("manager1", "network", "inspect", "--format", "{{.Id}}", "ov").stdout());
        assertThat(networks("worker1", "ov")).isEmpty();
        Result onWorker = run("worker1", "network", "create", "-d", "overlay", "nope");
        assertThat(onWorker.exitCode()).isEqualTo(1);
        assertThat(onWorker.stderr()).contains("Error response from daemon: Cannot create a multi-host network from a worker node. "
                + "Please create the network from a manager node.");
        assertThat(networks("worker1", "ingress")).isEqualTo("ingress overlay swarm\n");
        assertThat(ok("worker2", "network", "inspect", "--format", "{{.Ingress}}", "ingress").stdout()).isEqualTo("true\n");
        assertThat(ok("manager1", "network", "inspect", "--format", "{{.Ingress}}", "ov").stdout()).isEqualTo("false\n");
    }

    @Test
    @Order(2)
    void tasksOnTheWorkersGetAddressesOfTheNetworkAndTheServiceAVirtualIp() throws Exception {
        ok("manager2", "service", "create", "-d", "--name", "app", "--network", "ov", "--replicas", "2",
                "--constraint", "node.role==worker", "nginx");
        Await.until(WAIT, () -> holds(() -> ok("manager1", "service", "ls", "--format", "{{.Replicas}}", "--filter", "name=app")
                .stdout().equals("2/2\n")), "app to run 2/2");

        assertThat(networks("worker1", "ov")).isEqualTo("ov overlay swarm\n");
        assertThat(networks("worker2", "ov")).isEqualTo("ov overlay swarm\n");
        Cidr subnet = Cidr.parse(ok("manager1", "network", "inspect", "--format", "{{(index .IPAM.Config 0).Subnet}}", "ov")
                .stdout().strip()).orElseThrow();
        String networkId = ok("manager1", "network", "inspect", "--format", "{{.Id}}", "ov").stdout().strip();
        String vip = ok("manager1", "service", "inspect", "--format",
                "{{range .Endpoint.VirtualIPs}}{{.NetworkID}} {{.Addr}}{{end}}", "app").stdout().strip();
        assertThat(vip).startsWith(networkId + " ").endsWith("/" + subnet.bits());
        List<String> addresses = new ArrayList<>(List.of(appAddress("worker1"), appAddress("worker2"),
                vip.substring(vip.indexOf(' ') + 1, vip.indexOf('/'))));
        for (String address : addresses) {
            assertThat(subnet.contains(Cidr.parseAddress(address).orElseThrow())).as("%s in %s", address, subnet).isTrue();
        }
        assertThat(addresses).doesNotHaveDuplicates();
        assertThat(ok("worker1", "network", "inspect", "-v", "--format",
                "{{range $name, $s := .Services}}{{$name}} {{$s.VIP}} {{len $s.Tasks}}{{end}} {{len .Peers}}", "ov").stdout())
                .isEqualTo("app " + addresses.get(2) + " 2 2\n");
        assertThat(ok("manager1", "network", "inspect", "-v", "--format",
                "{{range $s := .Services}}{{range $s.Tasks}}{{.EndpointIP}} {{end}}{{end}}", "ov").stdout().strip().split(" "))
                .containsExactlyInAnyOrder(addresses.get(0), addresses.get(1));
    }

    @Test
    @Order(3)
    void aPublishedPortAddsAnIngressVirtualIpAndDnsRoundRobinNone() throws Exception {
        ok("manager1", "service", "create", "-d", "--name", "pub", "--network", "side", "-p", "80", "nginx");
        ok("manager1", "service", "create", "-d", "--name", "rr", "--network", "side", "--endpoint-mode", "dnsrr", "nginx");

        String ingress = ok("manager1", "network", "inspect", "--format", "{{.Id}}", "ingress").stdout().strip();
        String side = ok("manager1", "network", "inspect", "--format", "{{.Id}}", "side").stdout().strip();
        String vips = ok("manager2", "service", "inspect", "--format",
                "{{range .Endpoint.VirtualIPs}}{{.NetworkID}} {{.Addr}}{{println}}{{end}}", "pub").stdout();
        assertThat(vips.lines().filter(line -> !line.isBlank()).map(line -> line.split(" ")[0])).containsExactly(ingress, side);
        assertThat(vips.lines().findFirst().orElseThrow()).matches(".* 10\\.0\\.0\\.\\d+/24");
        assertThat(ok("manager1", "service", "inspect", "--format", "{{len .Endpoint.VirtualIPs}}", "rr").stdout()).isEqualTo("0\n");
    }

    @Test
    @Order(4)
    void aTaskOfAServiceWithAPublishedPortIsOnIngressToo() throws Exception {
        Await.until(WAIT, () -> holds(() -> ok("manager1", "service", "ps", "--filter", "desired-state=running", "--format",
                "{{.CurrentState}}", "pub").stdout().startsWith("Running")), "pub to run");
        String node = ok("manager1", "service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}}", "pub")
                .stdout().strip();
        String published = ok("manager1", "service", "inspect", "--format", "{{range .Endpoint.Ports}}{{.PublishedPort}}{{end}}",
                "pub").stdout().strip();
        String id = ok(node, "ps", "-q", "--filter", "label=com.docker.swarm.service.name=pub").stdout().strip();

        assertThat(ok(node, "inspect", "--format", "{{range $name, $n := .NetworkSettings.Networks}}{{$name}} {{end}}", id)
                .stdout().strip().split(" ")).containsExactlyInAnyOrder("ingress", "side");
        assertThat(ok(node, "network", "inspect", "-v", "--format", "{{range .Services}}{{.Ports}}{{end}}", "ingress").stdout())
                .isEqualTo("[Target: 80, Publish: " + published + "]\n");
    }

    @Test
    @Order(5)
    void aNetworkInUseByAServiceCannotBeRemoved() throws Exception {
        String serviceId = ok("manager1", "service", "inspect", "--format", "{{.ID}}", "app").stdout().strip();
        String networkId = ok("manager1", "network", "inspect", "--format", "{{.Id}}", "ov").stdout().strip();

        Result refused = run("manager2", "network", "rm", "ov");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("Error response from daemon: rpc error: code = FailedPrecondition desc = network "
                + networkId + " is in use by service " + serviceId);
        assertThat(networks("manager1", "ov")).isEqualTo("ov overlay swarm\n");
    }

    @Test
    @Order(6)
    void removingTheServiceTakesTheNetworkOffTheWorkersAndThenItCanBeRemoved() throws Exception {
        ok("manager1", "service", "rm", "app");

        Await.until(WAIT, () -> holds(() -> networks("worker1", "ov").isEmpty() && networks("worker2", "ov").isEmpty()),
                "ov to leave the workers");
        ok("manager2", "network", "rm", "ov");
        assertThat(networks("manager1", "ov")).isEmpty();
        assertThat(networks("manager2", "ov")).isEmpty();
    }
}
