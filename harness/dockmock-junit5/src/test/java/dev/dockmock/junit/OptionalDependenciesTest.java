package dev.dockmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.junit.kit.Kit;
import dev.dockmock.junit.kit.KitOnly;
import dev.dockmock.junit.kit.RawDocker;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docker-java and Testcontainers are optional: a JVM whose classpath has neither runs the extension
 * (the example below), and only their own parameter types would need them.
 */
@Timeout(120)
class OptionalDependenciesTest {

    @Test
    void theExtensionRunsWithoutDockerJavaOrTestcontainers() throws Exception {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = Arrays.stream(full.split(File.pathSeparator))
                .filter(entry -> !entry.contains("docker-java") && !entry.contains("testcontainers")).toList();
        assertThat(kept).hasSizeLessThan(full.split(File.pathSeparator).length);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, kept), Main.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("succeeded=1 failed=0");
        assertThat(process.exitValue()).as(out).isZero();
    }

    /** Runs {@link Example} through the test kit and prints the outcome; exits 1 when anything failed. */
    public static final class Main {
        public static void main(String[] args) {
            var stats = Kit.run(Example.class).testEvents();
            String summary = "succeeded=" + stats.succeeded().count() + " failed=" + stats.failed().count();
            System.out.println(summary + stats.failed().stream().map(e -> "\n" + e).collect(Collectors.joining()));
            System.exit(stats.failed().count() == 0 && stats.succeeded().count() == 1 ? 0 : 1);
        }
    }

    @KitOnly
    @DockMockTest(images = "alpine:3.20", tls = true)
    static class Example {
        @Test
        void servesWithoutTheOptionalLibraries(DockMock dockmock) throws Exception {
            assertThat(RawDocker.get(dockmock, "/_ping").body()).isEqualTo("OK");
            Class.forName("dev.dockmock.junit.DockMockExtension").getMethods();
            Class.forName("dev.dockmock.junit.DockMock").getMethods();
            assertThat(dockmock.engine().context().images().all()).isNotEmpty();
        }
    }
}
