package dev.dockmock.junit.samples;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.IdSource;
import dev.dockmock.record.Recording;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.session.CassetteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the cassettes {@link ReplaySampleTest} replays, by running the same scenarios with
 * docker-java against the engine behind the core's {@link Recording} decorator. A test utility,
 * run on demand:
 *
 * <pre>
 * mvn -pl harness/dockmock-junit5 -am test -Dtest=CassetteGenerator -Dsurefire.failIfNoSpecifiedTests=false -Ddockmock.regenerate=true
 * </pre>
 */
@Timeout(120)
@EnabledIfSystemProperty(named = "dockmock.regenerate", matches = "true")
class CassetteGenerator {
    private static final Path DIR = Path.of("src/test/resources/cassettes/ReplaySampleTest");

    /** One client session against a fresh engine, recorded into {@code DIR/<name>.jsonl}. */
    interface Session {
        void run(DockerClient docker) throws Exception;
    }

    @Test
    void runsAContainerAndReadsItsLogs() throws Exception {
        record("runsAContainerAndReadsItsLogs", docker -> Scenarios.echoInAContainer(docker, "hello from a cassette"));
    }

    @Test
    void reportsAMissingImage() throws Exception {
        record("reportsAMissingImage", docker -> {
            docker.pingCmd().exec();
            Scenarios.inspectAMissingImage(docker);
        });
    }

    static void record(String name, Session session) throws Exception {
        Files.createDirectories(DIR);
        Path socket = Files.createTempDirectory(Path.of("/tmp"), "dmgen").resolve("d.sock");
        try (Engine engine = Engine.create(EngineConfig.defaults().withIds(IdSource.seeded(7)));
             CassetteWriter cassette = CassetteWriter.create(DIR.resolve(name + ".jsonl"), "dockmock engine (CassetteGenerator)")) {
            Recording recording = new Recording(engine.dispatcher(), cassette);
            try (DockMockServer server = DockMockServer.builder().host("unix://" + socket).dispatcher(recording).build().start()) {
                DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                        .withDockerHost("unix://" + socket).withDockerTlsVerify(false).build();
                try (DockerClient docker = DockerClientImpl.getInstance(config,
                        new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build())) {
                    session.run(docker);
                }
            }
            recording.awaitRecorded(Duration.ofSeconds(5));
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        }
    }
}
