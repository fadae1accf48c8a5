package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.cluster.ClusterNode;
import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.engine.swarm.Swarm;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.testing.TestServers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fifty clients creating, inspecting and removing services through all three managers while the
 * leader is taken down and brought back again and again: every call is answered (its result, or
 * dockerd's no-leader error while an election runs, or a reset from the node that is down), and
 * afterwards every manager lists the same services: exactly those whose creation was not undone.
 */
@Timeout(300)
class SwarmFailoverConcurrencyTest {
    private static final int CLIENTS = 50;

    @Test
    void servicesStayConsistentThroughRepeatedLeaderFailover() throws Exception {
        long seconds = Long.getLong("dockmock.failover.seconds", 30);
        LoadTally tally = new LoadTally(false);
        Set<String> live = ConcurrentHashMap.newKeySet();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        AtomicInteger failovers = new AtomicInteger();
        try (SwarmCluster cluster = SwarmCluster.builder().managers(3).workers(1)
                .engineConfig(EngineConfig.defaults().withPorts(HostPorts.none()).withSeedImages(List.of(MixedLoad.IMAGE)))
                .serverOptions(TestServers.quietOptions()).electionTimeout(Duration.ofMillis(300)).start()) {
            List<DockerHost> managers = cluster.managers().stream().map(n -> n.server().boundHosts().get(0)).toList();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            pool.submit(() -> {
                while (System.nanoTime() < deadline - TimeUnit.SECONDS.toNanos(2)) {
                    ClusterNode old = cluster.killLeader();
                    cluster.awaitLeader(Duration.ofSeconds(10));
                    Thread.sleep(700);
                    cluster.up(old);
                    failovers.incrementAndGet();
                    Thread.sleep(1500);
                }
                return null;
            });
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                pool.submit(() -> serviceRounds(managers, client, deadline, tally, live, attempted));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(seconds + 120, TimeUnit.SECONDS)).as("every client finishes: no deadlock").isTrue();
            cluster.awaitLeader(Duration.ofSeconds(10));

            System.out.printf("failover: %d clients, %d s, %d failovers, %d calls %s%n", CLIENTS, seconds, failovers.get(),
                    tally.total(), tally.byOperation());
            assertThat(tally.failures()).as("wrong answers: %s", tally.failureExamples()).isZero();
            assertThat(failovers.get()).isPositive();
            for (DockerHost manager : managers) {
                assertThat(serviceNames(manager)).as("services on %s", manager).isEqualTo(live)
                        .allMatch(attempted::contains);
            }
        }
    }

    /** Create, inspect, remove: each step retried on another manager until it is answered. */
    private static void serviceRounds(List<DockerHost> managers, int client, long deadline, LoadTally tally, Set<String> live,
            Set<String> attempted) {
        int turn = client;
        for (int round = 0; System.nanoTime() < deadline; round++) {
            String name = "s" + client + "-" + round;
            attempted.add(name);
            String spec = "{\"Name\":\"" + name + "\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"" + MixedLoad.IMAGE
                    + "\",\"Command\":[\"sleep\",\"600\"]}},\"Mode\":{\"Replicated\":{\"Replicas\":1}}}";
            ApiCaller.Reply created = untilAnswered(managers, turn++, tally, "service-create", "POST", "/v1.50/services/create",
                    spec, 201, 409);
            live.add(name);   // created now, or by an earlier attempt whose answer was lost (409)
            untilAnswered(managers, turn++, tally, "service-inspect", "GET", "/v1.50/services/" + name, null, 200);
            untilAnswered(managers, turn++, tally, "service-list", "GET", "/v1.50/services", null, 200);
            ApiCaller.Reply removed = untilAnswered(managers, turn++, tally, "service-remove", "DELETE", "/v1.50/services/" + name,
                    null, 200, 404);
            if (created.status() == 201 || removed.status() == 200 || removed.status() == 404) {
                live.remove(name);
            }
        }
    }

    /**
     * Sends a call to one manager after another until one answers with an expected status; the
     * no-leader error (an election is running; a 500 from dockerd too, as gRPC's Unknown code) and
     * a reset (the node is down) mean "try again".
     */
    private static ApiCaller.Reply untilAnswered(List<DockerHost> managers, int turn, LoadTally tally, String operation,
            String method, String target, String body, int... expected) {
        for (int attempt = 0; ; attempt++) {
            DockerHost host = managers.get((turn + attempt) % managers.size());
            try (ApiCaller api = new ApiCaller(host)) {
                ApiCaller.Reply reply = api.call(method, target, body);
                tally.count(operation);
                for (int status : expected) {
                    if (reply.status() == status) {
                        return reply;
                    }
                }
                if (reply.status() == 500 && reply.message().equals(Swarm.NO_LEADER)) {
                    tally.count("no-leader");
                } else {
                    tally.fail(operation, reply.status() + " " + reply.text());
                    return reply;
                }
            } catch (IOException e) {
                tally.count("reset-by-down-node");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<String> serviceNames(DockerHost manager) throws IOException {
        try (ApiCaller api = new ApiCaller(manager)) {
            ApiCaller.Reply list = api.get("/v1.50/services");
            assertThat(list.status()).as(list.text()).isEqualTo(200);
            Set<String> names = new HashSet<>();
            List<String> all = new ArrayList<>();
            for (JsonNode service : list.json()) {
                names.add(service.path("Spec").path("Name").asText());
                all.add(service.path("Spec").path("Name").asText());
            }
            assertThat(all).as("no service listed twice").doesNotHaveDuplicates();
            return names;
        }
    }
}
