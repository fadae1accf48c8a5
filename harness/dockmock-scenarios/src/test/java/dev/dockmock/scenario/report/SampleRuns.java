package dev.dockmock.scenario.report;

import dev.dockmock.scenario.result.ClientRequest;
import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;
import dev.dockmock.scenario.result.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Run results built by hand, one of each kind the reports must show. */
final class SampleRuns {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String EXPECTED_LOGS = "starting web\nlistening on :80\nready\n";
    static final String ACTUAL_LOGS = "starting web\nlistening on :8080\nready\nshutting down\n";
    static final String HOSTILE = "</pre><script>alert('x')</script><img src=x onerror=\"alert(1)\"> ]]> & \u001b[31mred\u001b[0m \u0000";

    private SampleRuns() {
    }

    /** Passing, failing (with a diff), erring, skipped and concurrent scenarios. */
    static RunResult mixed() {
        return new RunResult("dockmock-scenarios", T0, Duration.ofMillis(9_876),
                List.of(passing(), failing(), erring(), skipped(), concurrent(3, 250)));
    }

    static RunResult only(ScenarioResult... scenarios) {
        return new RunResult("dockmock-scenarios", T0, Duration.ofSeconds(3), List.of(scenarios));
    }

    static ScenarioResult passing() {
        Instant start = T0.plusMillis(10);
        return new ScenarioResult("run a web server", "scenarios/web.yaml", "starts nginx and lists it", List.of("smoke"),
                Outcome.PASSED, start, Duration.ofMillis(1_234), null,
                List.of(step("run", "cli-1", "docker run -d --name web nginx", Outcome.PASSED, start, "4f2a9c1b\n", List.of()),
                        step("ps", "cli-1", "docker ps", Outcome.PASSED, start.plusMillis(600),
                                "CONTAINER ID   IMAGE   NAMES\n4f2a9c1b       nginx   web\n", List.of())),
                List.of(request("cli-1", 1, start.plusMillis(5), 1, "HEAD", "/_ping", 200),
                        request("cli-1", 2, start.plusMillis(8), 3, "POST", "/v1.51/containers/create?name=web", 201),
                        request("cli-1", 3, start.plusMillis(12), 40, "POST", "/v1.51/containers/4f2a9c1b/start", 204),
                        request("cli-1", 4, start.plusMillis(601), 2, "GET", "/v1.51/containers/json", 200)));
    }

    static ScenarioResult failing() {
        Instant start = T0.plusMillis(1_300);
        Failure logs = new Failure("stdout of step 'logs' should be the expected log lines", EXPECTED_LOGS, ACTUAL_LOGS);
        return new ScenarioResult("logs show the greeting", "scenarios/logs.yaml", "", List.of(), Outcome.FAILED, start,
                Duration.ofMillis(2_500), null,
                List.of(step("logs", "cli-1", "docker logs web", Outcome.FAILED, start, ACTUAL_LOGS, List.of(logs))),
                List.of(request("cli-1", 5, start.plusMillis(3), 1, "HEAD", "/_ping", 200),
                        request("cli-1", 6, start.plusMillis(5), 2, "GET", "/v1.51/containers/web/json", 200),
                        request("cli-1", 7, start.plusMillis(9), 15, "GET", "/v1.51/containers/web/logs?stdout=1&stderr=1", 200),
                        request("cli-1", 8, start.plusMillis(2_000), 1, "GET", "/v1.51/containers/nosuch/json", 404)));
    }

    static ScenarioResult erring() {
        return new ScenarioResult("pull a missing image", "scenarios/pull.yaml", "", List.of("images"), Outcome.ERROR,
                T0.plusMillis(3_900), Duration.ofMillis(80), Failure.of("setup: fixture 'images/nosuch.json' does not exist"),
                List.of(), List.of());
    }

    static ScenarioResult skipped() {
        Instant start = T0.plusMillis(4_000);
        return new ScenarioResult("swarm only", "scenarios/swarm.yaml", "", List.of("swarm"), Outcome.SKIPPED, start,
                Duration.ZERO, null,
                List.of(step("init", "cli-1", "docker swarm init", Outcome.SKIPPED, start, "", List.of())), List.of());
    }

    /** A group of concurrent clients, each making {@code perClient} requests interleaved with the others. */
    static ScenarioResult concurrent(int clients, int perClient) {
        Instant start = T0.plusMillis(4_100);
        List<StepResult> children = new ArrayList<>();
        List<ClientRequest> requests = new ArrayList<>();
        long seq = 100;
        for (int c = 1; c <= clients; c++) {
            String client = "cli-" + c;
            children.add(step("loop " + c, client, "docker ps", Outcome.PASSED, start, "CONTAINER ID\n", List.of()));
        }
        for (int i = 0; i < perClient; i++) {
            for (int c = 1; c <= clients; c++) {
                // A pause of three seconds halfway: the timeline must cut it short.
                Instant at = start.plusMillis(i * 7L + c + (i >= perClient / 2 ? 3_000 : 0));
                int status = i % 50 == 49 ? 500 : (i % 10 == 9 ? 404 : 200);
                requests.add(request("cli-" + c, seq++, at, 1 + (i + c) % 5, "GET", "/v1.51/containers/json?all=" + i, status));
            }
        }
        StepResult group = new StepResult("clients at once", "group", "", "", Outcome.PASSED, start, Duration.ofMillis(5_000),
                null, "", "", List.of(), children);
        return new ScenarioResult("many clients at once", "scenarios/load.yaml", "", List.of(), Outcome.PASSED, start,
                Duration.ofMillis(5_500), null, List.of(group), requests);
    }

    /** A failing scenario whose every text a client controls is hostile markup. */
    static ScenarioResult hostile() {
        Instant start = T0.plusMillis(20);
        Failure failure = new Failure("expected " + HOSTILE, "a\n" + HOSTILE + "\n", "b\n" + HOSTILE + "\n");
        return new ScenarioResult("name " + HOSTILE, "scenarios/" + HOSTILE + ".yaml", "desc " + HOSTILE, List.of(HOSTILE),
                Outcome.FAILED, start, Duration.ofMillis(10), null,
                List.of(new StepResult("step " + HOSTILE, "docker", "cli " + HOSTILE, "docker run " + HOSTILE, Outcome.FAILED, start,
                        Duration.ofMillis(5), 1, "out " + HOSTILE, "err " + HOSTILE, List.of(failure), List.of())),
                List.of(new ClientRequest("cli " + HOSTILE, 1, start, Duration.ofMillis(1), "GET", "/x?" + HOSTILE, 200,
                        "ua " + HOSTILE, "unix:///tmp/" + HOSTILE)));
    }

    static StepResult step(String name, String client, String command, Outcome outcome, Instant start, String stdout,
            List<Failure> failures) {
        return new StepResult(name, "docker", client, command, outcome, start, Duration.ofMillis(120),
                outcome == Outcome.SKIPPED ? null : failures.isEmpty() ? 0 : 1, stdout, "", failures, List.of());
    }

    static ClientRequest request(String client, long seq, Instant time, long millis, String method, String target, int status) {
        return new ClientRequest(client, seq, time, Duration.ofMillis(millis), method, target, status, "Docker-Client/28.0.1 (linux)",
                "unix:///tmp/dm/docker.sock");
    }
}
