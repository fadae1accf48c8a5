package dev.dockmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.scenario.model.ActionStep;
import dev.dockmock.scenario.model.DockerStep;
import dev.dockmock.scenario.model.GroupStep;
import dev.dockmock.scenario.model.HttpStep;
import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.model.Transport;
import dev.dockmock.scenario.parse.ScenarioFormatException;
import dev.dockmock.scenario.parse.ScenarioParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {
    private static final Path FILE = Path.of("/tmp/some/example.yaml");

    @Test
    void readsEveryKindOfStepWithItsOptions() {
        Scenario scenario = ScenarioParser.parse(FILE, """
                description: all kinds
                tags: [a, b]
                stepTimeout: 5s
                setup:
                  transports: [tcp, unix]
                  images: alpine:3.20
                  faults:
                    - faults: [{match: {path: /info}, times: 1, error: {status: 500, message: boom}}]
                steps:
                  - docker: run --rm alpine sh -c 'echo "a b"'
                    client: first
                    on: unix
                    timeout: 2s
                    expect: {exitCode: 0, stdout: {equals: a b, matches: '^a'}}
                  - http: POST /containers/create
                    body: {Image: alpine}
                    expect: {status: 201, body: {json: {Id: {exists: true}}}}
                  - group:
                      - docker: [ps, -a]
                      - http: GET /_ping
                  - action: sleep
                    for: 100ms
                  - check:
                      journal:
                        - request: POST /containers/create
                          body: {Image: alpine}
                          before: GET /_ping
                """);

        assertThat(scenario.name()).isEqualTo("example");
        assertThat(scenario.tags()).containsExactly("a", "b");
        assertThat(scenario.stepTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(scenario.setup().transports()).containsExactly(Transport.TCP, Transport.UNIX);
        assertThat(scenario.setup().images()).containsExactly("alpine:3.20");
        assertThat(scenario.setup().faults()).hasSize(1);
        DockerStep docker = (DockerStep) scenario.steps().get(0);
        assertThat(docker.args()).containsExactly("run", "--rm", "alpine", "sh", "-c", "echo \"a b\"");
        assertThat(docker.client()).isEqualTo("first");
        assertThat(docker.target().transport()).contains(Transport.UNIX);
        assertThat(docker.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(docker.expect().stdout().orElseThrow().equals()).contains("a b");
        HttpStep http = (HttpStep) scenario.steps().get(1);
        assertThat(http.body()).isEqualTo("{\"Image\":\"alpine\"}");
        assertThat(http.client()).isEqualTo("http");
        GroupStep group = (GroupStep) scenario.steps().get(2);
        assertThat(group.steps()).extracting(s -> s.client()).containsExactly("cli-g3-1", "http-g3-2");
        assertThat(((ActionStep) scenario.steps().get(3)).pause()).isEqualTo(Duration.ofMillis(100));
        assertThat(scenario.steps().get(4).expect().journal().get(0).before()).isPresent();
    }

    @Test
    void anUnknownFieldIsNamedWithItsLineAndTheKnownOnes() {
        assertThatThrownBy(() -> ScenarioParser.parse(FILE, """
                name: x
                steps:
                  - docker: ps
                    expect:
                      exitcode: 0
                """))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage("/tmp/some/example.yaml line 5: steps[0].expect.exitcode: unknown field \"exitcode\"; known here: "
                        + "body, exitCode, journal, state, status, stderr, stdout");
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatCame() {
        ScenarioFormatException e = parseFails("""
                steps:
                  - docker: ps
                  - docker: ps
                    expect: {exitCode: zero}
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.field()).isEqualTo("steps[1].expect.exitCode");
        assertThat(e).hasMessageEndingWith("expected a whole number, got \"zero\"");
    }

    @Test
    void yamlThatDoesNotParseNamesTheLine() {
        ScenarioFormatException e = parseFails("""
                steps:
                  - docker: ps
                    expect: {exitCode: 0
                """);
        assertThat(e.line()).isPositive();
        assertThat(e).hasMessageContaining("not valid YAML");
    }

    @Test
    void aStepNeedsExactlyOneKind() {
        assertThat(parseFails("steps: [{name: nothing}]")).hasMessageContaining("a step needs one of: docker, http, java, group, check, action");
        assertThat(parseFails("steps: [{docker: ps, http: GET /x}]")).hasMessageContaining("a step has one kind, not docker and http");
    }

    @Test
    void refusesWhatCannotRun() {
        assertThat(parseFails("{}")).hasMessageContaining("a scenario needs \"steps\"");
        assertThat(parseFails("steps: [{docker: ps, on: tls}]")).hasMessageContaining("the setup opens no tls listener");
        assertThat(parseFails("steps: [{action: kill-leader}]")).hasMessageContaining("needs a swarm in the setup");
        assertThat(parseFails("steps: [{action: explode}]")).hasMessageContaining("unknown action \"explode\"; known: faults,");
        assertThat(parseFails("steps: [{check: {}}]")).hasMessageContaining("a check needs \"journal\" or \"state\"");
        assertThat(parseFails("steps: [{http: /x}]")).hasMessageContaining("expected \"METHOD /path\"");
        assertThat(parseFails("steps: [{docker: ps, timeout: soon}]")).hasMessageContaining("expected a duration");
        assertThat(parseFails("setup: {fixtures: [missing.yaml]}\nsteps: [{docker: ps}]")).hasMessageContaining("no file /tmp/some/missing.yaml");
        assertThat(parseFails("steps: [{docker: \"run 'unclosed\"}]")).hasMessageContaining("quote is not closed");
        assertThat(parseFails("steps: [{docker: ps, expect: {stdout: {matches: '('}}}]")).hasMessageContaining("not a regular expression");
        assertThat(parseFails("steps: [{docker: ps, expect: {journal: [{request: GET /x, node: manager1}]}}]"))
                .hasMessageContaining("\"node\" needs a swarm in the setup");
        assertThat(parseFails("setup: {swarm: {managers: 2, workers: 1}}\nsteps: [{docker: ps, expect: {journal: [{request: GET /x, node: worker2}]}}]"))
                .hasMessageContaining("the swarm has no node \"worker2\"; it has manager1, manager2, worker1");
        assertThat(parseFails("setup: {swarm: {managers: 1}, transports: [unix, tls]}\nsteps: [{docker: ps}]"))
                .hasMessageContaining("a swarm's nodes each listen on one transport");
        assertThat(parseFails("setup: {swarm: {managers: 1}}\nsteps: [{docker: ps, on: unix}]"))
                .hasMessageContaining("the setup opens no unix listener");
        assertThat(parseFails("setup: {swarm: {managers: 1}}\nsteps: [{action: reset}]"))
                .hasMessageContaining("\"reset\" acts on a single engine, not on a swarm");
    }

    @Test
    void aSwarmTakesJournalExpectationsByNodeAndFaultRules() {
        Scenario scenario = ScenarioParser.parse(FILE, """
                setup: {swarm: {managers: 3}, faults: [{faults: [{match: {path: /info}, times: 1, transport: reset}]}]}
                steps:
                  - action: clear-faults
                  - check:
                      journal: [{request: GET /nodes, node: manager2, before: {request: GET /info, node: manager3}}]
                """);

        assertThat(scenario.setup().faults()).hasSize(1);
        assertThat(scenario.setup().transports()).as("a swarm's default").containsExactly(Transport.TCP);
        var journal = scenario.steps().get(1).expect().journal().get(0);
        assertThat(journal.request().node()).contains("manager2");
        assertThat(journal.before().orElseThrow().node()).contains("manager3");
        assertThat(journal.request()).hasToString("GET /nodes to manager2");
    }

    @Test
    void theFileNameIsTheDefaultName() {
        assertThat(ScenarioParser.parse(Path.of("dir/my-case.yml"), "steps: [{docker: ps}]").name()).isEqualTo("my-case");
        assertThat(ScenarioParser.parse(FILE, "steps: [{docker: docker ps}]").steps()).extracting(s -> ((DockerStep) s).args())
                .containsExactly(List.of("ps"));
    }

    private static ScenarioFormatException parseFails(String text) {
        try {
            ScenarioParser.parse(FILE, text);
        } catch (ScenarioFormatException e) {
            return e;
        }
        throw new AssertionError("parsed without complaint: " + text);
    }
}
