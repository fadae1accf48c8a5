package dev.dockmock.admin;

import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.fixtures.EngineFixtures;
import dev.dockmock.protocol.DockerException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine a control answers for: its own (replaced at each reset, with the fixtures loaded so
 * far) or, once a swarm is attached, the swarm leader's; refuses what only a single engine can do.
 */
final class ServedEngine {
    private final Supplier<EngineConfig> configs;
    private final EngineFixtures fixtures = EngineFixtures.none();
    private volatile Engine own;
    private volatile SwarmCluster swarm;

    ServedEngine(Supplier<EngineConfig> configs) {
        this.configs = configs;
        this.own = Engine.create(configs.get());
    }

    /** The engine this control made (no longer served once a swarm is attached). */
    Engine own() {
        return own;
    }

    /** The own engine, or the swarm's leader's (the first node's while none leads). */
    Engine current() {
        SwarmCluster cluster = swarm;
        if (cluster == null) {
            return own;
        }
        return cluster.currentLeader().orElse(cluster.nodes().get(0)).engine();
    }

    void attach(SwarmCluster cluster) {
        this.swarm = Objects.requireNonNull(cluster, "cluster");
    }

    Optional<SwarmCluster> swarm() {
        return Optional.ofNullable(swarm);
    }

    void refuseForSwarm(String what) {
        if (swarm != null) {
            throw new DockerException(501, what + " is not available for a swarm; use the node faults under /_dockmock/nodes");
        }
    }

    /** The configuration the next engine gets, with the fixtures loaded so far. */
    EngineConfig nextConfig() {
        return fixtures.applyTo(configs.get());
    }

    void addFixture(String text) {
        refuseForSwarm("loading fixtures");
        fixtures.add(text);
    }

    /**
     * Replaces the own engine with a fresh one (with the fixtures so far, without engine faults),
     * hands its dispatcher to {@code serve}, and closes the old one once it no longer is served.
     */
    void renew(Consumer<Dispatcher> serve) {
        Engine old = own;
        own = Engine.create(nextConfig());
        own.faults().clear();
        serve.accept(own.dispatcher());
        old.close();
    }

    /** Stops the own engine's containers (and swarm part) and starts them again as a daemon restart does. */
    void restart() throws InterruptedException {
        own.swarm().stop();
        try {
            own.lifecycle().daemonRestart();
        } finally {
            own.swarm().start();
        }
    }
}
