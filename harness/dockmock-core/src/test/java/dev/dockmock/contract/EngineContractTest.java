package dev.dockmock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drives the fake engine in memory through a {@link ContractRecorder} with a broad scenario and
 * holds every answer to the Docker API spec of the version the requests name. Fails listing every
 * violation the allow-list ({@code contract/allowed-violations.yaml}, spec quirks only) does not
 * explain, every allow-list entry that no longer matches anything, and every engine route the
 * scenario never reached.
 */
class EngineContractTest {

    @ParameterizedTest(name = "API {0}")
    @CsvSource({"1.50, /v1.50", "1.44, /v1.44"})
    @Timeout(120)
    void theEngineAnswersAsTheSpecSays(String version, String prefix) throws Exception {
        ApiSpec spec = ApiSpec.load(version);
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none()).withSeedImages(List.of("alpine:latest")))) {
            ContractRecorder recorder = new ContractRecorder(engine.dispatcher(), spec);
            ScenarioClient client = new ScenarioClient(recorder, prefix);
            new ContractScenario(client).run();

            List<Violation> violations = recorder.violations();
            writeLog(version, recorder.exchanges(), violations);
            AllowList allowList = AllowList.load();
            List<Violation> unexpected = allowList.unexpected(violations);
            List<AllowList.Entry> stale = allowList.unused(version, violations);
            List<String> unexercised = unexercised(engine.routes(), recorder.exchanges());

            assertThat(client.surprises()).as("answers the scenario did not mean to provoke").isEmpty();
            assertThat(unexpected).as("%d violations of the %s spec in %d exchanges:%n%s", unexpected.size(), version,
                    recorder.exchanges().size(), lines(unexpected)).isEmpty();
            assertThat(stale).as("allow-list entries that match nothing for %s: delete them", version).isEmpty();
            assertThat(unexercised).as("engine routes the contract scenario never calls: add steps to ContractScenario")
                    .isEmpty();
        }
    }

    private static List<String> unexercised(List<Route> routes, List<Exchange> exchanges) {
        return routes.stream()
                .filter(route -> exchanges.stream().noneMatch(e -> e.request().method().equals(route.method())
                        && route.template().match(e.request().path()) != null))
                .map(route -> route.method() + " " + route.template())
                .toList();
    }

    /** Every exchange and violation, in {@code target/contract/}, for reading when the test fails. */
    private static void writeLog(String version, List<Exchange> exchanges, List<Violation> violations) throws IOException {
        StringBuilder log = new StringBuilder();
        for (Exchange e : exchanges) {
            log.append(e).append(" [").append(e.contentType().orElse("no content type")).append(e.hijacked() ? ", hijacked" : "")
                    .append(e.stream() == null ? "" : ", " + e.stream().messages().size() + " stream messages"
                            + (e.stream().endedByItself() ? "" : ", cut"))
                    .append("]").append(System.lineSeparator());
        }
        log.append(System.lineSeparator()).append(violations.size()).append(" violations (allowed ones included):")
                .append(System.lineSeparator()).append(lines(violations)).append(System.lineSeparator());
        Path file = SharedFiles.moduleDir().resolve("target/contract/exchanges-" + version + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, log, StandardCharsets.UTF_8);
    }

    private static String lines(List<Violation> violations) {
        return violations.stream().map(v -> "  - " + v).collect(Collectors.joining(System.lineSeparator()));
    }
}
