package dev.dockmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.parse.ScenarioParser;
import dev.dockmock.scenario.progress.RunListener;
import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.ScenarioResult;
import dev.dockmock.scenario.run.ScenarioRunner;
import dev.dockmock.testing.DockerCli;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swarm scenarios with the real docker CLI: the control plane in front of every node (journal by
 * node, fault rules), and the nodes on unix sockets or TLS.
 */
class SwarmScenarioRunnerTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void dockerCli() {
        assumeTrue(DockerCli.available(), "the docker CLI is needed");
    }

    @Test
    void aSwarmJournalsEveryNodesRequestsAndItsFaultRulesApplyOnEveryNode() throws Exception {
        ScenarioResult result = run("""
                setup:
                  swarm: {managers: 2, workers: 1}
                  faults: [{faults: [{match: {method: GET, path: /nodes}, times: 1, error: {status: 500, message: raft is busy}}]}]
                steps:
                  - docker: node ls --format '{{.Hostname}}'
                    name: the rule answers first
                    node: manager2
                    client: replica
                    expect: {exitCode: 1, stderr: raft is busy}
                  - docker: node ls --format '{{.Hostname}}'
                    node: manager2
                    client: replica
                    expect:
                      exitCode: 0
                      stdout: [manager1, manager2, worker1]
                      journal:
                        - {request: GET /nodes, node: manager2, client: replica, count: 2}
                        - {request: GET /nodes, node: manager1, count: 0}
                  - action: faults
                    faults: {faults: [{match: {path: /containers/json}, error: {status: 503, message: node is draining}}]}
                  - docker: ps
                    node: worker1
                    expect: {exitCode: 1, stderr: node is draining}
                  - action: clear-faults
                  - docker: ps
                    node: worker1
                    expect:
                      exitCode: 0
                      journal: [{request: GET /containers/json, node: worker1, count: 2}]
                """);

        assertThat(result.allFailures()).isEmpty();
        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.requests()).filteredOn(r -> r.client().equals("replica")).isNotEmpty()
                .allMatch(r -> r.listener().startsWith("manager2 tcp://127.0.0.1:"));
        assertThat(result.requests()).filteredOn(r -> r.target().contains("/containers/json")).isNotEmpty()
                .allMatch(r -> r.listener().startsWith("worker1 tcp://127.0.0.1:"));
    }

    @Test
    void aSwarmJournalExpectationOnTheWrongNodeFailsAndListsWhereRequestsCame() throws Exception {
        ScenarioResult result = run("""
                setup: {swarm: {managers: 2}}
                steps:
                  - docker: node ls
                    node: manager2
                    expect:
                      exitCode: 0
                      journal: [{request: GET /nodes, node: manager1}]
                """);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        Failure failure = result.allFailures().get(0);
        assertThat(failure.message()).isEqualTo("journal: expected at least 1 GET /nodes to manager1, found 0");
        assertThat(failure.actual()).containsPattern("GET /v1\\.\\d+/nodes -> 200 \\(cli\\) to manager2");
    }

    @Test
    void aSwarmsNodesCanListenWithTlsAndAClientCertificate() throws Exception {
        ScenarioResult result = run("""
                setup: {swarm: {managers: 2}, transports: [tls]}
                steps:
                  - docker: node ls --format '{{.Hostname}}'
                    node: manager2
                    expect: {exitCode: 0, stdout: [manager1, manager2]}
                  - http: GET /info
                    node: manager2
                    expect: {status: 200, body: {json: {Name: manager2}}}
                """);

        assertThat(result.allFailures()).isEmpty();
        assertThat(result.requests()).isNotEmpty().allMatch(r -> r.listener().startsWith("manager2 tcp://127.0.0.1:"));
    }

    @Test
    void aSwarmsNodesCanListenOnUnixSockets() throws Exception {
        ScenarioResult result = run("""
                setup: {swarm: {managers: 1, workers: 1}, transports: [unix]}
                steps:
                  - docker: info --format '{{.Name}} {{.Swarm.LocalNodeState}}'
                    node: worker1
                    expect: {exitCode: 0, stdout: {equals: worker1 active}}
                """);

        assertThat(result.allFailures()).isEmpty();
        assertThat(result.requests()).isNotEmpty().allMatch(r -> r.listener().matches("worker1 unix:///.*/worker1\\.sock"));
    }

    private ScenarioResult run(String text) throws Exception {
        Scenario scenario = ScenarioParser.parse(dir.resolve("case.yaml"), text);
        return ScenarioRunner.run(scenario, dir, new RunListener() { });
    }
}
