package dev.dockmock.hardening;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No client input names a host file the server opens, but for bind mounts: the engine, the
 * dispatch layer and the server never touch the file system (the engine's files live in memory),
 * except the engine fixtures and TLS/unix-socket files the operator names at start-up, and the
 * two classes that carry out bind mounts ({@code HostTree}, {@code HostNodes}: a client that binds
 * a path could read it on the same host anyway, as with dockerd); and with host binds off
 * ({@code --no-host-binds}) a bind mount of a real host file shows the container an empty
 * in-memory mount, not the file.
 */
class HostFilesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.dockmock");

    @TempDir
    Path home;

    @Test
    void requestHandlingCodeNeverOpensAHostFile() {
        noClasses().that().resideInAnyPackage("dev.dockmock.engine..", "dev.dockmock.dispatch..", "dev.dockmock.protocol..",
                        "dev.dockmock.journal..", "dev.dockmock.faults..", "dev.dockmock.cluster..")
                .and().doNotHaveFullyQualifiedName("dev.dockmock.engine.fixtures.EngineFixtures")
                .and().doNotHaveFullyQualifiedName("dev.dockmock.engine.files.HostTree")
                .and().doNotHaveFullyQualifiedName("dev.dockmock.engine.files.HostNodes")
                .should().accessClassesThat().belongToAnyOf(Files.class, FileInputStream.class, FileOutputStream.class,
                        RandomAccessFile.class, FileChannel.class, java.io.FileReader.class, java.io.FileWriter.class)
                .because("client input must never name a host file the server opens but through a bind mount;"
                        + " the engine's files live in memory")
                .check(CORE);
        noClasses().that().resideInAPackage("dev.dockmock.server..")
                .and().doNotHaveSimpleName("PemFiles").and().doNotHaveSimpleName("PemKeys").and().doNotHaveSimpleName("UnixListener")
                .and().doNotHaveSimpleName("TlsContexts").and().doNotHaveSimpleName("ClientTls")
                .should().accessClassesThat().belongToAnyOf(Files.class, FileInputStream.class, FileOutputStream.class,
                        RandomAccessFile.class, FileChannel.class)
                .because("the server opens only the files its operator configured: certificates and socket files")
                .check(CORE);
    }

    @Test
    void withHostBindsOffABindMountOfAHostFileShowsNothingOfIt() throws Exception {
        Path secret = Files.writeString(home.resolve("secret.txt"), "host-secret-" + UUID.randomUUID());
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
                .withSeedImages(List.of(MixedLoad.IMAGE)).withHostBinds(false));
                DockMockServer server = TestServers.start(Wire.UNIX, engine.dispatcher())) {
            DockerCli docker = DockerCli.withHome(home.resolve("cli"), java.time.Duration.ofSeconds(30))
                    .host(server.boundHosts().get(0).toString());
            DockerCli.Result run = docker.run("run", "--rm", "-v", secret + ":/mnt/secret.txt", "-v", home + ":/mnt/home",
                    MixedLoad.IMAGE, "sh", "-c", "cat /mnt/secret.txt; ls /mnt/home; echo end");
            assertThat(run.exitCode()).as("%s", run).isZero();
            assertThat(run.stdout()).doesNotContain("host-secret-").doesNotContain("secret.txt").endsWith("end\n");
            DockerCli.Result write = docker.run("run", "--rm", "-v", home + ":/mnt/home", MixedLoad.IMAGE, "sh", "-c",
                    "echo written > /mnt/home/planted.txt; cat /mnt/home/planted.txt");
            assertThat(write.stderr()).as("%s", write).doesNotContain("Exception");
            assertThat(home.resolve("planted.txt")).doesNotExist();
        }
    }
}
