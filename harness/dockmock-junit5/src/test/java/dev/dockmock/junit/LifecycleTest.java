package dev.dockmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.junit.kit.Kit;
import dev.dockmock.junit.kit.KitOnly;
import dev.dockmock.junit.kit.Sightings;
import dev.dockmock.junit.kit.Sightings.Sighting;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Servers start and stop as documented: per class, per test, per field kind, shared by nested classes, JVM-wide. */
@Timeout(60)
class LifecycleTest {

    private static List<Sighting> run(Class<?> example, String key) {
        Sightings.forget(key);
        Kit.run(example).testEvents().assertStatistics(s -> s.failed(0).aborted(0).skipped(0));
        return Sightings.of(key);
    }

    @Test
    void perClassStartsBeforeBeforeAllServesEveryTestAndStopsAfterAfterAll() {
        List<Sighting> seen = run(PerClass.class, "per-class");
        assertThat(seen).extracting(Sighting::where).containsExactlyInAnyOrder("beforeAll", "field", "constructor", "one", "constructor", "two", "afterAll");
        assertThat(seen).extracting(Sighting::dockmock).containsOnly(seen.get(0).dockmock());
        assertThat(seen).allMatch(Sighting::socketExisted);
        assertThat(seen.get(0).socket().toString().length()).isLessThan(107);
        assertThat(Files.exists(seen.get(0).socket())).as("socket removed when the class ends").isFalse();
        assertThat(Files.exists(seen.get(0).socket().getParent())).isFalse();
    }

    @Test
    void perMethodGivesEachTestItsOwnServerAndStopsItAfterTheTest() {
        List<Sighting> seen = run(PerMethod.class, "per-method");
        assertThat(seen).hasSize(4);
        assertThat(seen.stream().map(Sighting::socket).distinct()).hasSize(2);
        assertThat(seen).allMatch(Sighting::socketExisted);
        assertThat(seen).noneMatch(s -> Files.exists(s.socket()));
    }

    @Test
    void aStaticFieldGivesOneServerPerClassAndAnInstanceFieldOnePerTest() {
        List<Sighting> shared = run(StaticField.class, "static-field");
        assertThat(shared).hasSize(2);
        assertThat(shared.stream().map(Sighting::socket).distinct()).hasSize(1);
        List<Sighting> own = run(InstanceField.class, "instance-field");
        assertThat(own).hasSize(2);
        assertThat(own.stream().map(Sighting::socket).distinct()).hasSize(2);
        assertThat(shared).noneMatch(s -> Files.exists(s.socket()));
        assertThat(own).noneMatch(s -> Files.exists(s.socket()));
    }

    @Test
    void nestedClassesShareTheServerOfTheirEnclosingClass() {
        List<Sighting> seen = run(WithNested.class, "nested");
        assertThat(seen).extracting(Sighting::where).containsExactlyInAnyOrder("outer", "inner");
        assertThat(seen.stream().map(Sighting::socket).distinct()).hasSize(1);
    }

    @Test
    void theJvmLifecycleInjectsTheOneJvmWideServerAndLeavesItRunning() {
        List<Sighting> seen = run(JvmWide.class, "jvm");
        assertThat(seen).extracting(Sighting::dockmock).containsOnly(JvmDockMock.get());
        assertThat(Files.exists(JvmDockMock.get().unixSocket())).isTrue();
    }

    @KitOnly
    @DockMockTest
    static class PerClass {
        static DockMock field;

        PerClass(DockMock dockmock) {
            Sightings.see("per-class", "constructor", dockmock);
        }

        @BeforeAll
        static void beforeAll(DockMock dockmock) {
            Sightings.see("per-class", "beforeAll", dockmock);
            Sightings.see("per-class", "field", field);
        }

        @Test
        void one(DockMock dockmock) {
            Sightings.see("per-class", "one", dockmock);
        }

        @Test
        void two(DockMock dockmock) {
            Sightings.see("per-class", "two", dockmock);
        }

        @AfterAll
        static void afterAll(DockMock dockmock) {
            Sightings.see("per-class", "afterAll", dockmock);
        }
    }

    @KitOnly
    @DockMockTest(lifecycle = DockMockLifecycle.PER_METHOD)
    static class PerMethod {
        DockMock field;

        @BeforeEach
        void beforeEach(DockMock dockmock) {
            assertThat(dockmock).isSameAs(field);
            Sightings.see("per-method", "beforeEach", dockmock);
        }

        @Test
        void one(DockMock dockmock) {
            Sightings.see("per-method", "one", dockmock);
        }

        @Test
        void two(DockMock dockmock) {
            Sightings.see("per-method", "two", dockmock);
        }
    }

    @KitOnly
    static class StaticField {
        @RegisterExtension
        static DockMockExtension dockmock = DockMockExtension.builder().build();

        @Test
        void one() {
            Sightings.see("static-field", "one", dockmock.dockMock());
        }

        @Test
        void two() {
            Sightings.see("static-field", "two", dockmock.dockMock());
        }
    }

    @KitOnly
    static class InstanceField {
        @RegisterExtension
        DockMockExtension dockmock = DockMockExtension.builder().tcp(false).build();

        @Test
        void one(DockMock injected) {
            assertThat(injected).isSameAs(dockmock.dockMock());
            assertThat(injected.tcpHost()).isEmpty();
            Sightings.see("instance-field", "one", dockmock.dockMock());
        }

        @Test
        void two() {
            Sightings.see("instance-field", "two", dockmock.dockMock());
        }
    }

    @KitOnly
    @DockMockTest
    static class WithNested {
        @Test
        void outer(DockMock dockmock) {
            Sightings.see("nested", "outer", dockmock);
        }

        @Nested
        class Inner {
            @Test
            void inner(DockMock dockmock) {
                Sightings.see("nested", "inner", dockmock);
            }
        }
    }

    @KitOnly
    @DockMockTest(lifecycle = DockMockLifecycle.JVM)
    static class JvmWide {
        @Test
        void one(DockMock dockmock) {
            Sightings.see("jvm", "one", dockmock);
        }
    }
}
