package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading WireMock (a scenario with stubs) prints nothing of slf4j's: the CLI's runtime class
 * path has a provider. Runs the CLI as a child JVM, since slf4j warns once per JVM.
 */
class QuietStubsTest {
    @TempDir
    Path dir;

    @Test
    void aStubsScenarioPrintsNoSlf4jWarning() throws Exception {
        Files.createDirectories(dir.resolve("stubs/mappings"));
        Files.writeString(dir.resolve("stubs/mappings/hello.json"), """
                {"request": {"method": "GET", "urlPath": "/hello"},
                 "response": {"status": 200, "body": "stubbed hello"}}
                """);
        Files.writeString(dir.resolve("quiet.yaml"), """
                setup: {stubs: stubs}
                steps:
                  - http: GET /hello
                    expect: {status: 200, body: {equals: stubbed hello}}
                """);

        Process run = ChildDockmock.command("run", dir.resolve("quiet.yaml").toString(), "--plain").redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("PASS quiet").doesNotContain("SLF4J");
    }
}
