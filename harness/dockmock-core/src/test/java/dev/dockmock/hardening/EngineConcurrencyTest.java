package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fifty clients, half on tcp and half on unix, each creating, starting, exec-ing into, stopping
 * and removing containers, pulling and listing, while an event stream follows, for
 * {@code dockmock.concurrency.seconds} (60 by default): every call answered as dockerd would,
 * no container left over or made twice, and each container's events whole and in order.
 */
@Timeout(300)
class EngineConcurrencyTest {
    private static final int CLIENTS = 50;

    @Test
    void fiftyClientsForAMinuteLeaveAConsistentStateAndEventStream() throws Exception {
        long seconds = Long.getLong("dockmock.concurrency.seconds", 60);
        LoadTally tally = new LoadTally(true);
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
                .withSeedImages(List.of(MixedLoad.IMAGE)));
                DockMockServer server = DockMockServer.builder().host(Wire.TCP.host()).host(Wire.freshUnix())
                        .options(TestServers.quietOptions()).dispatcher(engine.dispatcher()).build().start();
                EventLog events = new EventLog(server.boundHosts().get(0)).awaitSubscribed()) {
            List<DockerHost> hosts = server.boundHosts();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                MixedLoad load = new MixedLoad(hosts.get(i % 2), "c" + i, tally);
                pool.submit(() -> load.runUntil(deadline));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(seconds + 120, TimeUnit.SECONDS)).as("every client finishes: no deadlock").isTrue();
            long elapsed = System.nanoTime() - start;

            System.out.printf("concurrency: %d clients, %d s, %d operations %s, %d containers, %d ms%n", CLIENTS, seconds,
                    tally.total(), tally.byOperation(), tally.createdCount(), TimeUnit.NANOSECONDS.toMillis(elapsed));
            assertThat(tally.failures()).as("wrong answers: %s", tally.failureExamples()).isZero();
            assertThat(tally.createdCount()).as("containers created").isEqualTo(tally.created.size()).isPositive();
            assertThat(tally.removed).as("every container created was removed once").isEqualTo(tally.created);
            try (ApiCaller api = new ApiCaller(hosts.get(1))) {
                assertThat(api.get("/v1.50/containers/json?all=1").json()).as("containers left").isEmpty();
            }
            Await.until(Duration.ofSeconds(20), () -> tally.created.stream().allMatch(id -> events.of(id).contains("destroy")),
                    "a destroy event for every container");
            for (String id : tally.created) {
                List<String> seen = events.of(id);
                assertThat(Collections.frequency(seen, "create")).as("create events of %s: %s", id, seen).isEqualTo(1);
                assertThat(Collections.frequency(seen, "destroy")).as("destroy events of %s: %s", id, seen).isEqualTo(1);
                assertThat(seen.get(0)).as("%s", seen).isEqualTo("create");
                assertThat(seen.get(seen.size() - 1)).as("%s", seen).isEqualTo("destroy");
                assertThat(seen).as("%s", seen).containsSubsequence("create", "start", "kill", "die", "stop", "destroy");
            }
            assertThat(events.all().keySet()).as("events only for containers the clients made").isEqualTo(tally.created);
            assertThat(events.failure()).isNull();
        }
    }
}
