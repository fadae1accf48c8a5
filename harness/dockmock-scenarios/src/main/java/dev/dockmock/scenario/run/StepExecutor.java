package dev.dockmock.scenario.run;

import dev.dockmock.scenario.model.ActionStep;
import dev.dockmock.scenario.model.CheckStep;
import dev.dockmock.scenario.model.DockerStep;
import dev.dockmock.scenario.model.GroupStep;
import dev.dockmock.scenario.model.HttpStep;
import dev.dockmock.scenario.model.JavaStep;
import dev.dockmock.scenario.model.Step;
import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs the steps of one scenario against its {@link Instance} and checks their expectations. */
final class StepExecutor {
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private final Instance instance;
    private final ClientHomes homes;
    private final Path scratch;
    private final Duration defaultTimeout;
    private final Consumer<String> current;

    StepExecutor(Instance instance, ClientHomes homes, Path scratch, Duration defaultTimeout, Consumer<String> current) {
        this.instance = instance;
        this.homes = homes;
        this.scratch = scratch;
        this.defaultTimeout = defaultTimeout;
        this.current = current;
    }

    StepResult run(Step step) throws InterruptedException {
        current.accept(step.name());
        Instant started = Instant.now();
        long start = System.nanoTime();
        if (step instanceof GroupStep group) {
            return group(group, started, start);
        }
        Duration timeout = timeout(step);
        StepOutput output;
        List<Failure> failures;
        Duration until = step instanceof DockerStep d ? d.until() : step instanceof HttpStep h ? h.until() : null;
        if (step instanceof CheckStep) {
            until = timeout;
        }
        long deadline = System.nanoTime() + (until == null ? 0 : until.toNanos());
        while (true) {
            output = client(step, timeout);
            failures = output.error() != null || output.failure() != null ? List.of() : check(step, output);
            if (output.error() != null || failures.isEmpty() || until == null || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
        Outcome outcome;
        List<Failure> all = new ArrayList<>(failures);
        if (output.error() != null) {
            outcome = Outcome.ERROR;
            all.add(0, Failure.of("step '" + step.name() + "': " + output.error()));
        } else if (output.failure() != null) {
            outcome = Outcome.FAILED;
            all.add(0, Failure.of("step '" + step.name() + "': " + output.failure()));
        } else {
            outcome = failures.isEmpty() ? Outcome.PASSED : Outcome.FAILED;
            if (!failures.isEmpty() && until != null && !(step instanceof CheckStep)) {
                all.add(Failure.of("step '" + step.name() + "' was retried for " + DockerProcess.pretty(until)));
            }
        }
        return new StepResult(step.name(), step.kind(), step.client(), step.command(), outcome, started,
                Duration.ofNanos(System.nanoTime() - start), output.exitCode(), output.stdout(), output.stderr(), all, List.of());
    }

    private List<Failure> check(Step step, StepOutput output) {
        try {
            return ExpectationCheck.check(step, output, instance);
        } catch (RuntimeException e) {
            return List.of(Failure.of("step '" + step.name() + "': checking its expectations failed: " + e));
        }
    }

    private Duration timeout(Step step) {
        if (step.timeout() != null) {
            return step.timeout();
        }
        // a check waits for state to settle; one that never holds should not hold the run up for long
        return step instanceof CheckStep && defaultTimeout.compareTo(CHECK_TIMEOUT) > 0 ? CHECK_TIMEOUT : defaultTimeout;
    }

    private StepOutput client(Step step, Duration timeout) throws InterruptedException {
        try {
            if (step instanceof DockerStep docker) {
                return docker(docker, timeout);
            }
            if (step instanceof HttpStep http) {
                return http(http, timeout);
            }
            if (step instanceof JavaStep java) {
                return JavaStepRunner.run(java, instance, homes, timeout);
            }
            if (step instanceof ActionStep action) {
                return Bounded.call("action " + action.name(), () -> Actions.run(action, instance), timeout);
            }
            return new StepOutput(null, "", "", null, null);
        } catch (InterruptedException e) {
            throw e;
        } catch (Bounded.TimedOut e) {
            return StepOutput.error(step.command() + " " + e.getMessage());
        } catch (Exception e) {
            return StepOutput.error(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private StepOutput docker(DockerStep step, Duration timeout) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(homes.environment(step.client(), instance.endpoint(step.target())));
        env.putAll(step.env());
        byte[] stdin = step.stdin().map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
        if (step.stdinFile().isPresent()) {
            stdin = Files.readAllBytes(step.stdinFile().get());
        }
        return DockerProcess.run(step.args(), env, stdin, scratch, timeout);
    }

    private StepOutput http(HttpStep step, Duration timeout) throws Exception {
        Instance.Endpoint endpoint = instance.endpoint(step.target());
        Map<String, String> headers = new LinkedHashMap<>(step.headers());
        headers.putIfAbsent(ClientHomes.HEADER, step.client());
        try {
            RawHttp.Answer answer = Bounded.call("http " + step.name(), () -> RawHttp.send(endpoint.dockerHost(), instance.tls(),
                    endpoint.tls(), step.method(), step.path(), headers, step.body(), timeout), timeout);
            return new StepOutput(answer.status(), answer.body(), "", null, null);
        } catch (java.io.IOException e) {
            return StepOutput.error(step.command() + " on " + endpoint.dockerHost() + ": " + e.getMessage());
        }
    }

    private StepResult group(GroupStep group, Instant started, long start) throws InterruptedException {
        Duration timeout = timeout(group);
        ExecutorService pool = Executors.newFixedThreadPool(group.steps().size(), r -> {
            Thread thread = new Thread(r, "scenario group " + group.name());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<StepResult>> futures = new ArrayList<>();
        for (Step child : group.steps()) {
            futures.add(pool.submit(() -> run(child)));
        }
        pool.shutdown();
        boolean ended = pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<StepResult> children = new ArrayList<>();
        Outcome outcome = Outcome.PASSED;
        for (int i = 0; i < futures.size(); i++) {
            StepResult child;
            Step step = group.steps().get(i);
            try {
                child = futures.get(i).isDone() ? futures.get(i).get()
                        : unfinished(step, "did not finish within the group's time-out of " + DockerProcess.pretty(timeout));
            } catch (java.util.concurrent.ExecutionException e) {
                child = unfinished(step, "failed to run: " + e.getCause());
            }
            children.add(child);
            outcome = outcome.worst(child.outcome());
        }
        if (!ended) {
            pool.shutdownNow();
        }
        current.accept(group.name());
        List<Failure> failures = new ArrayList<>();
        if (outcome == Outcome.PASSED && !group.expect().isEmpty()) {
            failures.addAll(ExpectationCheck.afterwards(group, group.expect(), instance));
            outcome = failures.isEmpty() ? outcome : Outcome.FAILED;
        }
        return new StepResult(group.name(), group.kind(), "", group.command(), outcome, started,
                Duration.ofNanos(System.nanoTime() - start), null, "", "", failures, children);
    }

    private static StepResult unfinished(Step step, String why) {
        return new StepResult(step.name(), step.kind(), step.client(), step.command(), Outcome.ERROR, Instant.now(), Duration.ZERO,
                null, "", "", List.of(Failure.of("step '" + step.name() + "' " + why)), List.of());
    }
}
