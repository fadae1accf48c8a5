package dev.dockmock.scenario;

import dev.dockmock.admin.DockMockControl;
import dev.dockmock.cluster.SwarmCluster;
import java.util.Map;
import java.util.Optional;

/** What a {@link ScenarioStep} can see and use. */
public interface StepContext {

    /** The {@code DOCKER_HOST} the step's client should use. */
    String dockerHost();

    /**
     * The environment a docker client of this step's label should run with: {@code DOCKER_HOST},
     * a private {@code HOME} and {@code DOCKER_CONFIG} (which labels its requests), and the TLS
     * variables when the step talks TLS.
     */
    Map<String, String> clientEnvironment();

    /** The step's client label. */
    String client();

    /** The step's {@code params}. */
    Map<String, String> params();

    /**
     * The control plane (journal, fault rules, state): the single engine's, or in a swarm the one in
     * front of every node (its {@code engine()} is the leader's; a reset or a daemon restart answer 501).
     */
    Optional<DockMockControl> control();

    /** The swarm, in a swarm scenario. */
    Optional<SwarmCluster> swarm();

    /** Adds a line to the step's output, which {@code expect.stdout} checks. */
    void print(String line);
}
