package dev.dockmock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.events.DockerEvent;
import dev.dockmock.faults.FaultRules;
import dev.dockmock.server.DockMockServer;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The control plane of a running dockmock, from Java: the request journal, fault rules, engine
 * faults, the active dispatcher and its swapping, state dump and reset. The admin API under
 * {@code /_dockmock/} (see {@link AdminRoutes}) does the same over HTTP.
 *
 * <pre>{@code
 * DockMockControl control = DockMockControl.builder().adminOnListeners(true).build();
 * DockMockServer server = DockMockServer.builder().host("tcp://127.0.0.1:0")
 *         .dispatcher(control.dispatcher()).build().start();
 * control.attach(server);
 * control.apply(FaultDocument.parse("faults: [{match: {method: POST, path: /containers/create}, times: 1,"
 *         + " error: {status: 409, message: conflict}}]"));
 * }</pre>
 */
public final class DockMockControl implements AutoCloseable {
    private final ServedEngine engines;
    private final ServedFront front;

    private DockMockControl(Builder builder) {
        this.engines = new ServedEngine(builder.configs);
        this.front = new ServedFront(new AdminRoutes(this).router(), builder.adminOnListeners, builder.journal,
                engines.own().dispatcher());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the server should answer with: admin routes (when on), else journal, fault rules, then the active dispatcher. */
    public Dispatcher dispatcher() {
        return front.current();
    }

    /** Only the admin routes, for a listener of its own ({@code --admin-host}). */
    public Dispatcher adminDispatcher() {
        return front.admin();
    }

    /** A server whose dispatcher this control swaps and whose connections a daemon restart drops. */
    public DockMockControl attach(DockMockServer server) {
        front.attach(server);
        return this;
    }

    /**
     * Serves a {@link SwarmCluster} through this control: every node's server answers through
     * the admin routes (when on), the journal and the fault rules, in front of whatever the
     * cluster gives it (its own engine, or a forwarder to the leader), and the admin API's node
     * faults act on the cluster. The engine this control made is no longer served; {@link
     * #engine()} is the swarm's leader's (or the first node's while none leads). A reset, a
     * dispatcher swap and a daemon restart answer 501 for a swarm.
     */
    public DockMockControl attach(SwarmCluster cluster) {
        engines.attach(cluster);
        front.serve(cluster);
        return this;
    }

    /** The configuration the next engine gets (at a reset, or for a swarm's engines), with the fixtures loaded so far. */
    public EngineConfig engineConfig() {
        return engines.nextConfig();
    }

    /** The swarm this control serves, if any. */
    public Optional<SwarmCluster> swarm() {
        return engines.swarm();
    }

    public Journal journal() {
        return front.journal();
    }

    public FaultRules faults() {
        return front.faults();
    }

    public Engine engine() {
        return engines.current();
    }

    /** The name of the active dispatcher: {@code engine}, {@code replay FILE}, {@code stubs}, ... */
    public String activeName() {
        return front.current().name();
    }

    /**
     * Makes {@code next} the active dispatcher on every attached server (through
     * {@link DockMockServer#setDispatcher}); streams already running finish on the old one.
     */
    public synchronized void use(String name, Dispatcher next) {
        engines.refuseForSwarm("switching the dispatcher");
        front.use(name, next);
    }

    /** Switches as {@code PUT /_dockmock/dispatcher} does, from its JSON settings. */
    public synchronized void use(JsonNode settings) throws IOException {
        engines.refuseForSwarm("switching the dispatcher");
        front.use(Dispatchers.create(settings, engines.own().dispatcher()));
    }

    /** Adds a fault document's rules, engine faults and events. */
    public void apply(FaultDocument document) {
        document.applyTo(this);
    }

    /** Removes every request rule and engine fault. */
    public void clearFaults() {
        front.faults().clear();
        engine().faults().clear();
    }

    /** Publishes an event on the engine's stream, as if the engine had. */
    public void injectEvent(DockerEvent event) {
        engine().context().events().publish(event);
    }

    /**
     * A fresh start: every connection dropped, a new engine (with the fixtures loaded so far), no
     * faults, an empty journal, and the engine active again.
     */
    public synchronized void reset() {
        engines.refuseForSwarm("a reset");
        engines.renew(front::restart);
    }

    /** Adds an engine fixture (YAML or JSON, see docs/fixtures.md) and resets with it. */
    public synchronized void loadFixtures(String text) {
        engines.addFixture(text);
        reset();
    }

    /**
     * A daemon restart: every connection but the one asking is dropped, running containers stop
     * and those with restart policy {@code always} or {@code unless-stopped} start again. An
     * engine in swarm mode stops and starts its swarm part too: a manager of an auto-locked swarm
     * comes back locked until {@code docker swarm unlock}.
     */
    public void restartDaemon() throws InterruptedException {
        engines.refuseForSwarm("a daemon restart");
        front.dropConnections();
        engines.restart();
    }

    /** What {@code GET /_dockmock/state} answers. */
    public Map<String, Object> state() {
        return StateDump.of(this);
    }

    /** Closes the engine and the dispatchers built from settings (a proxy's cassette is completed). */
    @Override
    public void close() {
        front.closeBuilt();
        engines.own().close();
    }

    /** Collects a control's settings. */
    public static final class Builder {
        private Supplier<EngineConfig> configs = EngineConfig::defaults;
        private boolean adminOnListeners;
        private Journal journal = Journal.defaults();

        /** Where engines come from (at start and at each reset); a supplier, as fixtures change the config they get. */
        public Builder engineConfig(Supplier<EngineConfig> supplier) {
            this.configs = Objects.requireNonNull(supplier, "supplier");
            return this;
        }

        /** Serves the admin API under {@code /_dockmock/} on the listeners the control is attached to. */
        public Builder adminOnListeners(boolean on) {
            this.adminOnListeners = on;
            return this;
        }

        public Builder journal(Journal newJournal) {
            this.journal = Objects.requireNonNull(newJournal, "journal");
            return this;
        }

        public DockMockControl build() {
            return new DockMockControl(this);
        }
    }
}
