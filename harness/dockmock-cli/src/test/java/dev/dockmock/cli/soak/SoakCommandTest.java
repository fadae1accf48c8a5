package dev.dockmock.cli.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.cli.Main;
import dev.dockmock.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code dockmock soak} run for a few seconds in this JVM: its report, its files, its refusals. */
class SoakCommandTest {
    @TempDir
    Path dir;

    @Test
    void fiveSecondSoakWritesPlausibleSamplesAndAFlatVerdict() throws Exception {
        Path out = dir.resolve("reports");

        Result result = main("soak", "--duration", "5s", "--clients", "2", "--out", out.toString(), "--plain");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Verdict: flat", "Wrong answers: 0", "heap after GC  first third")
                .doesNotContain("\r");
        assertThat(result.out().lines().filter(line -> line.startsWith("soak ")).count()).as(result.out()).isGreaterThanOrEqualTo(4);
        JsonNode json = Json.mapper().readTree(out.resolve("soak.json").toFile());
        assertThat(json.path("verdict").asText()).isEqualTo("flat");
        assertThat(json.path("failures").asLong()).isZero();
        assertThat(json.path("containersCreated").asLong()).isPositive().isEqualTo(json.path("containersRemoved").asLong());
        assertThat(json.path("byOperation").path("create").asLong()).isEqualTo(json.path("containersCreated").asLong());
        assertThat(json.path("events").asLong()).isPositive();
        JsonNode samples = json.path("samples");
        assertThat(samples.size()).isBetween(4, 6);
        long previousRequests = 0;
        double previousSeconds = 0;
        for (JsonNode sample : samples) {
            assertThat(sample.path("seconds").asDouble()).isGreaterThan(previousSeconds);
            assertThat(sample.path("heapAfterGcMiB").asDouble()).isBetween(1.0, 4096.0);
            assertThat(sample.path("rssMiB").asDouble()).isGreaterThan(sample.path("heapAfterGcMiB").asDouble());
            assertThat(sample.path("threads").asInt()).isBetween(5, 2000);
            assertThat(sample.path("fds").asInt()).isBetween(5, 100_000);
            assertThat(sample.path("requests").asLong()).isGreaterThanOrEqualTo(previousRequests);
            previousRequests = sample.path("requests").asLong();
            previousSeconds = sample.path("seconds").asDouble();
        }
        assertThat(previousRequests).isPositive().isLessThanOrEqualTo(json.path("requests").asLong());
        assertThat(json.path("checks")).hasSize(3);

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("soak.svg").toFile());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("path").getLength()).isEqualTo(4);
        assertThat(Files.readString(out.resolve("soak.svg"))).contains("heap after GC", "open fds", "threads");
    }

    @Test
    void wrongOptionsExitTwoWithTheReason() {
        assertUsage(main("soak", "--duration", "2s"), "--duration must be at least 5s");
        assertUsage(main("soak", "--duration", "soon"), "flag --duration needs a time such as 90s, 10m or 1h, not \"soon\"");
        assertUsage(main("soak", "--clients", "0"), "flag --clients needs a whole number from 1 to 256, not \"0\"");
        assertUsage(main("soak", "--clients"), "flag --clients needs a value");
        assertUsage(main("soak", "--plain=yes"), "flag --plain takes no value");
        assertUsage(main("soak", "--interval", "20s", "--duration", "30s"), "--interval must be between 500ms and a third");
        assertUsage(main("soak", "--bogus"), "unknown option \"--bogus\"");
        assertUsage(main("soak", "extra"), "soak takes no operands, got \"extra\"");
    }

    @Test
    void helpStatesTheRuleAndTheCommandIsListed() {
        Result help = main("soak", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: dockmock soak", "--duration TIME", "--clients N", "--out DIR", "--plain",
                "heap after GC   x1.25 + 8 MiB", "live threads    x1.1 + 8", "open fds        x1.1 + 16");
        assertThat(main("--help").out()).contains("soak ");
    }

    private static void assertUsage(Result result, String message) {
        assertThat(result.code()).as(result.toString()).isEqualTo(Main.USAGE);
        assertThat(result.err()).startsWith("dockmock soak: ").contains(message, "Run 'dockmock soak --help' for usage.");
        assertThat(result.out()).isEmpty();
    }

    private static Result main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
