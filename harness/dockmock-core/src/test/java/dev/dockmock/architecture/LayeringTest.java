package dev.dockmock.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core's shape: each package imports only those to its left, and only the JDK and Jackson. */
class LayeringTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dockmock");

    @Test
    void theCoreDependsOnTheJdkAndJacksonAlone() {
        classes().that().resideInAPackage("dev.dockmock..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.fasterxml.jackson..", "dev.dockmock..")
                .check(CORE);
    }

    @Test
    void protocolValuesDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.dockmock.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.dispatch..", "dev.dockmock.server..", "dev.dockmock.engine..",
                        "dev.dockmock.upstream..", "dev.dockmock.session..", "dev.dockmock.record..", "dev.dockmock.replay..",
                        "dev.dockmock.faults..", "dev.dockmock.admin..")
                .check(CORE);
    }

    @Test
    void theDispatcherSeamKnowsNoSocketsAndNoEngine() {
        noClasses().that().resideInAPackage("dev.dockmock.dispatch..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.server..", "dev.dockmock.engine..")
                .check(CORE);
    }

    @Test
    void theServerDoesNotKnowTheEngine() {
        noClasses().that().resideInAPackage("dev.dockmock.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.engine..", "dev.dockmock.upstream..",
                        "dev.dockmock.session..", "dev.dockmock.record..", "dev.dockmock.replay..")
                .check(CORE);
    }

    @Test
    void theEngineDoesNotKnowTheServer() {
        noClasses().that().resideInAPackage("dev.dockmock.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.server..")
                .check(CORE);
    }

    /** The in-process swarm cluster puts engines behind servers; no engine may reach back into it. */
    @Test
    void theEngineDoesNotKnowTheCluster() {
        noClasses().that().resideInAPackage("dev.dockmock.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.cluster..")
                .check(CORE);
    }

    @Test
    void cassettesKnowOnlyProtocolValues() {
        noClasses().that().resideInAPackage("dev.dockmock.session..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.dispatch..", "dev.dockmock.server..",
                        "dev.dockmock.engine..", "dev.dockmock.upstream..", "dev.dockmock.record..", "dev.dockmock.replay..")
                .check(CORE);
    }

    @Test
    void replayNeedsOnlyTheCassette() {
        noClasses().that().resideInAPackage("dev.dockmock.replay..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.server..", "dev.dockmock.engine..",
                        "dev.dockmock.upstream..", "dev.dockmock.record..")
                .check(CORE);
    }

    @Test
    void recordingReachesSocketsOnlyThroughTheUpstreamClient() {
        noClasses().that().resideInAPackage("dev.dockmock.record..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.server..", "dev.dockmock.engine..",
                        "dev.dockmock.replay..")
                .check(CORE);
    }

    @Test
    void theUpstreamClientIsAnEdge() {
        noClasses().that().resideInAPackage("dev.dockmock.upstream..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.dispatch..", "dev.dockmock.engine..",
                        "dev.dockmock.session..", "dev.dockmock.record..", "dev.dockmock.replay..")
                .check(CORE);
    }

    @Test
    void theJournalKnowsOnlyTheDispatcherSeam() {
        noClasses().that().resideInAPackage("dev.dockmock.journal..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.server..", "dev.dockmock.engine..",
                        "dev.dockmock.upstream..", "dev.dockmock.session..", "dev.dockmock.record..", "dev.dockmock.replay..")
                .check(CORE);
    }

    @Test
    void faultRulesKnowOnlyTheDispatcherSeam() {
        noClasses().that().resideInAPackage("dev.dockmock.faults..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.server..", "dev.dockmock.engine..",
                        "dev.dockmock.upstream..", "dev.dockmock.session..", "dev.dockmock.record..", "dev.dockmock.replay..",
                        "dev.dockmock.admin..")
                .check(CORE);
    }

    /** The control plane sits on top: it may use every package, and none of them knows it. */
    @Test
    void nothingDependsOnTheControlPlane() {
        noClasses().that().resideOutsideOfPackage("dev.dockmock.admin..")
                .should().dependOnClassesThat().resideInAPackage("dev.dockmock.admin..")
                .check(CORE);
    }

    @Test
    void theEngineAndTheServerKnowNoFaultRules() {
        noClasses().that().resideInAnyPackage("dev.dockmock.engine..", "dev.dockmock.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dockmock.faults..")
                .check(CORE);
    }

    /**
     * The edges that own sockets: the server's listeners, the record proxy's upstream client, and
     * the engine's published loopback ports. Sessions, recording and replay stay socket-free.
     */
    @Test
    void onlyTheEdgesTouchSockets() {
        noClasses().that().resideOutsideOfPackages("dev.dockmock.server..", "dev.dockmock.upstream..", "dev.dockmock.engine.net..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.SocketChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.ServerSocketChannel")
                .check(CORE);
    }
}
