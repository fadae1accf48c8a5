package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.testing.DockerCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockmock run}: exit codes, what it prints for a failure, filters and reruns, with the real docker CLI. */
class RunCommandTest {
    private static final String PASSING = """
            name: greets
            tags: [smoke]
            setup: {images: [alpine:3.20]}
            steps:
              - docker: run --rm alpine:3.20 echo hello
                expect: {exitCode: 0, stdout: {equals: hello}}
            """;
    private static final String FAILING = """
            name: expects-too-much
            setup: {images: [alpine:3.20]}
            steps:
              - docker: run --rm alpine:3.20 echo hello
                name: greet
                expect: {exitCode: 0, stdout: {equals: goodbye}}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void dockerCli() {
        assumeTrue(DockerCli.available(), "the docker CLI is needed");
    }

    @Test
    void aPassingSuiteExitsZeroAndWritesTheRunState() throws IOException {
        write("greets.yaml", PASSING);

        Capture.Result run = Capture.main("run", dir.toString(), "--plain", "--report", dir.resolve("reports").toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("START greets", "PASS greets", "1 scenario: 1 passed, 0 failed, 0 errors, 0 skipped");
        assertThat(dir.resolve("reports/last-run.json")).content().contains("\"outcome\" : \"PASSED\"");
    }

    @Test
    void aFailingScenarioExitsOneWithAReadableMessage() throws IOException {
        write("greets.yaml", PASSING);
        write("expects-too-much.yaml", FAILING);

        Capture.Result run = Capture.main("run", dir.toString(), "--plain");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("PASS greets",
                "FAIL expects-too-much", "FAILED expects-too-much (", "  - stdout of step 'greet' should be exactly the expected text",
                "      | hello", "2 scenarios: 1 passed, 1 failed, 0 errors, 0 skipped");
    }

    @Test
    void rerunFailedRunsOnlyWhatFailedLastTime() throws IOException {
        write("greets.yaml", PASSING);
        write("expects-too-much.yaml", FAILING);
        String reports = dir.resolve("reports").toString();
        assertThat(Capture.main("run", dir.toString(), "--plain", "--report", reports).code()).isEqualTo(1);

        Capture.Result rerun = Capture.main("run", dir.toString(), "--plain", "--report", reports, "--rerun-failed");

        assertThat(rerun.code()).isEqualTo(1);
        assertThat(rerun.out()).contains("START expects-too-much").doesNotContain("greets");
    }

    @Test
    void filtersByNameAndTag() throws IOException {
        write("greets.yaml", PASSING);
        write("expects-too-much.yaml", FAILING);

        Capture.Result byTag = Capture.main("run", dir.toString(), "--plain", "--tag", "smoke");
        Capture.Result byName = Capture.main("run", dir.toString(), "--plain", "--name", "expects-*");
        Capture.Result none = Capture.main("run", dir.toString(), "--plain", "--name", "nothing*");

        assertThat(byTag.code()).isZero();
        assertThat(byTag.out()).contains("PASS greets").doesNotContain("expects-too-much");
        assertThat(byName.code()).isEqualTo(1);
        assertThat(byName.out()).contains("FAIL expects-too-much").doesNotContain("greets");
        assertThat(none.code()).isEqualTo(Main.USAGE);
        assertThat(none.err()).contains("no scenario matches --name [nothing*] among 2 scenarios");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        write("broken.yaml", "steps:\n  - docker: ps\n    expect: {exitCode: zero}\n");

        Capture.Result broken = Capture.main("run", dir.toString());
        Capture.Result rerun = Capture.main("run", dir.toString(), "--rerun-failed");
        Capture.Result parallel = Capture.main("run", dir.toString(), "--parallel", "0");
        Capture.Result missing = Capture.main("run", dir.resolve("nowhere").toString());

        assertThat(broken.code()).isEqualTo(Main.USAGE);
        assertThat(broken.err()).contains("broken.yaml line 3: steps[0].expect.exitCode: expected a whole number, got \"zero\"");
        assertThat(rerun.code()).isEqualTo(Main.USAGE);
        assertThat(rerun.err()).contains("--rerun-failed needs --report DIR");
        assertThat(parallel.code()).isEqualTo(Main.USAGE);
        assertThat(missing.code()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("no scenario file or directory");
    }

    @Test
    void asAChildProcessAFailureIsExitCodeOne() throws Exception {
        write("expects-too-much.yaml", FAILING);

        Process process = ChildDockmock.command("run", dir.toString(), "--plain").start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("FAILED expects-too-much", "stdout of step 'greet' should be exactly the expected text");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
