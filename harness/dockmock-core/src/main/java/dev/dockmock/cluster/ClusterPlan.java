package dev.dockmock.cluster;

import dev.dockmock.engine.EngineConfig;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.server.TlsSettings;
import java.util.List;

/**
 * What a {@link SwarmCluster.Builder} was told, for {@link ClusterLaunch}.
 *
 * @param managers how many managers ({@code manager1} leads at first)
 * @param workers how many workers with an engine of their own
 * @param hosts host strings for the nodes in order; nodes beyond them listen on {@code tcp://127.0.0.1:0}
 * @param config the engines' configuration, before each node gets its own identity
 * @param options the servers' options
 * @param tls TLS for the tcp listeners, or null
 * @param simulated how many simulated workers
 */
record ClusterPlan(int managers, int workers, List<String> hosts, EngineConfig config, ServerOptions options, TlsSettings tls,
        int simulated) {

    /** {@code manager1}, ..., then {@code worker1}, ... */
    String name(int index) {
        return index < managers ? "manager" + (index + 1) : "worker" + (index - managers + 1);
    }

    String host(int index) {
        return index < hosts.size() ? hosts.get(index) : "tcp://127.0.0.1:0";
    }
}
