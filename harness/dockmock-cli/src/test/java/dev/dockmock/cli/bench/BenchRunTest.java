package dev.dockmock.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm-up runs of {@code dockmock bench}: measured like the others, shown, and never counted. */
class BenchRunTest {
    private static final byte[] PONG = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void warmupRunsAreMeasuredAndShownButNotCounted() throws Exception {
        Endpoint ping = Endpoint.get("/_ping");
        List<String> measuredAfter = new ArrayList<>();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (MinimalServer server = MinimalServer.start(Map.of("GET /_ping HTTP/1.1", PONG), null)) {
            Row row = new Row(Row.MINIMAL, "tcp", ping, server.address());
            BenchOptions options = BenchOptions.parse(new String[] {"--runs", "2", "--warmup-runs", "2", "--duration", "0.1",
                    "--warmup", "0", "--connections", "1"});

            List<RowResult> results = BenchRun.measure(List.of(row), options, r -> measuredAfter.add(r.describe()),
                    new PrintStream(progress, true, StandardCharsets.UTF_8));

            assertThat(results).singleElement().satisfies(result -> assertThat(result.runs()).hasSize(2)
                    .allSatisfy(m -> assertThat(m.requests()).isPositive()));
        }
        assertThat(measuredAfter).as("every pass ends the same way (creates pruned)").hasSize(4);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[ 1/4] warm-up run 1/2", "[ 2/4] warm-up run 2/2",
                "[ 3/4] run 1/2", "[ 4/4] run 2/2");
    }
}
