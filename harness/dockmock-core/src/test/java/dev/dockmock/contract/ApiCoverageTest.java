package dev.dockmock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes {@code reports/api-coverage.md} (and a copy in {@code target/}): every operation of the
 * v1.50 spec, per tag, and whether the engine routes it. Asserts the report is complete, not
 * that coverage reaches any threshold.
 */
class ApiCoverageTest {
    private static final String VERSION = "1.50";

    @Test
    void writesTheCoverageReportForEveryTag() throws Exception {
        ApiSpec spec = ApiSpec.load(VERSION);
        List<Route> routes;
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none()))) {
            // stand-ins answer as a daemon without the feature does: not implementations
            routes = engine.routes().stream().filter(r -> !engine.standInRoutes().contains(r)).toList();
        }
        CoverageReport report = CoverageReport.of(spec, routes);
        String markdown = report.markdown("the Docker Engine API " + VERSION + " spec (`../shared/docker-api/engine-api-v"
                + VERSION + ".yaml`)");

        Path inReports = SharedFiles.repositoryRoot().resolve("reports").resolve("api-coverage.md");
        Path inTarget = SharedFiles.moduleDir().resolve("target").resolve("api-coverage.md");
        for (Path file : List.of(inReports, inTarget)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
        }

        assertThat(spec.tags()).contains("Container", "Image", "Network", "Volume", "Exec", "System", "Distribution",
                "Swarm", "Node", "Service", "Task", "Secret", "Config", "Plugin", "Session");
        for (Path file : List.of(inReports, inTarget)) {
            String written = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(written).isEqualTo(markdown);
            for (String tag : spec.tags()) {
                assertThat(written).as("section for tag %s in %s", tag, file).contains("\n## " + tag + " (");
            }
            for (SpecOperation op : spec.operations()) {
                assertThat(written).as("row for %s", op).contains("| `" + op.path() + "` | " + op.operationId() + " |");
            }
        }
        assertThat(report.rows()).hasSize(spec.operations().size());
    }

    @Test
    void routesMatchOperationsByMethodAndParameterPositions() {
        ApiSpec spec = ApiSpec.load(VERSION);
        assertThat(covered(spec, Route.of("GET", "/images/{name*}/json", (r, p) -> null))).containsExactly("ImageInspect");
        assertThat(covered(spec, Route.of("DELETE", "/images/{name*}", (r, p) -> null))).containsExactly("ImageDelete");
        assertThat(covered(spec, Route.of("GET", "/_ping", (r, p) -> null))).containsExactly("SystemPing", "SystemPingHead");
        assertThat(covered(spec, Route.of("GET", "/containers/{id}/json", (r, p) -> null))).containsExactly("ContainerInspect");
        assertThat(covered(spec, Route.of("GET", "/containers/json", (r, p) -> null))).containsExactly("ContainerList");
        assertThat(covered(spec, Route.of("GET", "/images/{name}", (r, p) -> null))).isEmpty();
    }

    private static List<String> covered(ApiSpec spec, Route route) {
        return spec.operations().stream().filter(op -> CoverageReport.implementsOperation(route, op))
                .map(SpecOperation::operationId).toList();
    }
}
