package dev.dockmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.parse.ScenarioParser;
import dev.dockmock.scenario.progress.RunListener;
import dev.dockmock.scenario.result.ClientRequest;
import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.ScenarioResult;
import dev.dockmock.scenario.result.StepResult;
import dev.dockmock.scenario.run.ScenarioRunner;
import dev.dockmock.testing.DockerCli;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs small scenarios with the real docker CLI and checks what the runner makes of them. */
class ScenarioRunnerTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void dockerCli() {
        assumeTrue(DockerCli.available(), "the docker CLI is needed");
    }

    @Test
    void aPassingScenarioAttributesEachRequestToItsClient() throws Exception {
        ScenarioResult result = run("""
                setup: {images: [alpine:3.20], transports: [unix, tcp]}
                steps:
                  - docker: run --name one alpine:3.20 echo hi
                    client: first
                    expect: {exitCode: 0, stdout: {equals: hi}}
                  - http: GET /containers/one/json
                    client: raw
                    expect: {status: 200, body: {json: {State.Status: exited, "Config.Cmd[1]": hi}}}
                  - docker: ps -a --format '{{.Names}}'
                    on: tcp
                    expect: {stdout: one}
                  - check:
                      state: {containers: {one: exited}, images: [alpine:3.20]}
                      journal:
                        - {request: POST /containers/create, body: {Image: "alpine:3.20"}, client: first, count: 1,
                           before: "POST /containers/{id}/start"}
                """);

        assertThat(result.allFailures()).isEmpty();
        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.steps()).extracting(StepResult::kind).containsExactly("docker", "http", "docker", "check");
        assertThat(result.steps().get(0).stdout()).isEqualTo("hi\n");
        assertThat(result.steps().get(1).exitCode()).isEqualTo(200);
        assertThat(result.requests()).extracting(ClientRequest::client).contains("first", "raw", "cli").doesNotContain("");
        assertThat(result.requests()).filteredOn(r -> r.client().equals("raw")).extracting(ClientRequest::target)
                .containsExactly("/containers/one/json");
        assertThat(result.requests()).filteredOn(r -> r.client().equals("cli")).allMatch(r -> r.listener().startsWith("tcp://"));
    }

    @Test
    void aFailingExpectationSaysWhatWasExpectedOfWhatAndSkipsTheRest() throws Exception {
        ScenarioResult result = run("""
                steps:
                  - docker: run --rm alpine:3.20 echo hello
                    name: greet
                    expect: {exitCode: 0, stdout: goodbye}
                  - docker: ps
                """);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.allFailures()).extracting(Failure::message).containsExactly("stdout of step 'greet' should contain \"goodbye\"");
        assertThat(result.allFailures().get(0).actual()).isEqualTo("hello\n");
        assertThat(result.steps()).extracting(StepResult::outcome).containsExactly(Outcome.FAILED, Outcome.SKIPPED);
    }

    @Test
    void aJournalExpectationListsTheRequestsThatCame() throws Exception {
        ScenarioResult result = run("""
                setup: {images: [alpine:3.20]}
                steps:
                  - docker: run --rm alpine:3.20 true
                    expect:
                      journal: [{request: POST /containers/create, body: {Image: "busybox"}}]
                """);

        Failure failure = result.allFailures().get(0);
        assertThat(failure.message()).isEqualTo("journal: expected at least 1 POST /containers/create with {Image=busybox}, found 0");
        assertThat(failure.actual()).contains("POST /v1.").contains("/containers/create -> 201 (cli)");
    }

    @Test
    void aHungClientIsKilledAndReportedAsAnError() throws Exception {
        ScenarioResult result = run("""
                setup: {images: [alpine:3.20]}
                steps:
                  - docker: run --rm alpine:3.20 sleep 60
                    timeout: 1s
                """);

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.allFailures()).extracting(Failure::message)
                .containsExactly("step 'docker run --rm alpine:3.20 sleep 60': docker run --rm alpine:3.20 sleep 60 did not finish within 1s and was killed");
    }

    @Test
    void aGroupRunsItsClientsAtTheSameTime() throws Exception {
        ScenarioResult result = run("""
                setup: {images: [alpine:3.20]}
                steps:
                  - group:
                      - docker: run --name ga alpine:3.20 sleep 1
                      - docker: run --name gb alpine:3.20 sleep 1
                      - docker: run --name gc alpine:3.20 sleep 1
                    expect:
                      state: {containers: {ga: exited, gb: exited, gc: exited}}
                """);

        assertThat(result.allFailures()).isEmpty();
        StepResult group = result.steps().get(0);
        assertThat(group.children()).extracting(StepResult::client).containsExactly("cli-g1-1", "cli-g1-2", "cli-g1-3");
        // each sleeps a second; run one after another they could not all start before the first ended
        var firstEnd = group.children().get(0).started().plus(group.children().get(0).duration());
        assertThat(group.children()).allMatch(c -> c.started().isBefore(firstEnd));
    }

    @Test
    void aJavaStepSeesTheControlAndItsAssertionFailsTheStep() throws Exception {
        ScenarioResult result = run("""
                steps:
                  - java: dev.dockmock.scenario.CountingStep
                    params: {expected: "0"}
                    expect: {stdout: "journal has 0 requests"}
                  - java: dev.dockmock.scenario.CountingStep
                    params: {expected: "5"}
                """);

        assertThat(result.steps()).extracting(StepResult::outcome).containsExactly(Outcome.PASSED, Outcome.FAILED);
        assertThat(result.allFailures()).extracting(Failure::message)
                .containsExactly("step 'java dev.dockmock.scenario.CountingStep': expected 5 requests, the journal has 0");
    }

    @Test
    void aSetupThatCannotStartIsAnError() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("broken.jsonl"), "this is no cassette\n");
        ScenarioResult result = run("""
                setup:
                  cassette: broken.jsonl
                steps:
                  - docker: ps
                """);

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.setupFailure().message()).startsWith("setup failed: ");
        assertThat(result.steps()).extracting(StepResult::outcome).containsExactly(Outcome.SKIPPED);
    }

    private ScenarioResult run(String text) throws Exception {
        Scenario scenario = ScenarioParser.parse(dir.resolve("case.yaml"), text);
        return ScenarioRunner.run(scenario, dir, new RunListener() { });
    }
}
