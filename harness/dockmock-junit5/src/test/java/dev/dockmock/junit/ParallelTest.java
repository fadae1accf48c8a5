package dev.dockmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.journal.JournalEntry;
import dev.dockmock.junit.kit.Kit;
import dev.dockmock.junit.kit.KitOnly;
import dev.dockmock.junit.kit.RawDocker;
import dev.dockmock.junit.kit.Sightings;
import dev.dockmock.junit.kit.Sightings.Sighting;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Test classes (and tests within a class) run by JUnit in parallel each get their own server and
 * see only their own requests and containers. Barriers make sure they really overlap.
 */
@Timeout(90)
class ParallelTest {
    private static final CyclicBarrier CLASSES = new CyclicBarrier(3);
    private static final CyclicBarrier METHODS = new CyclicBarrier(3);

    @Test
    void parallelClassesDoNotInterfere() {
        Sightings.forget("parallel-classes");
        Kit.run(Kit.parallel(), ParallelA.class, ParallelB.class, ParallelC.class)
                .testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        List<Sighting> seen = Sightings.of("parallel-classes");
        assertThat(seen).hasSize(3);
        assertThat(seen.stream().map(Sighting::socket).distinct()).hasSize(3);
    }

    @Test
    void parallelTestsWithAServerEachDoNotInterfere() {
        Sightings.forget("parallel-methods");
        Kit.run(Kit.parallel(), ParallelMethods.class).testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        assertThat(Sightings.of("parallel-methods").stream().map(Sighting::socket).distinct()).hasSize(3);
    }

    /** Creates a container of its own once every participant is running, then sees only its own. */
    static void createAndCheckIsolation(DockMock dockmock, CyclicBarrier together, String example) throws Exception {
        String name = "c-" + UUID.randomUUID();
        together.await(30, TimeUnit.SECONDS);
        RawDocker.Answer created = RawDocker.post(dockmock, "/containers/create?name=" + name, "{\"Image\":\"alpine:3.20\",\"Cmd\":[\"true\"]}");
        assertThat(created.status()).isEqualTo(201);
        together.await(30, TimeUnit.SECONDS);
        assertThat(RawDocker.get(dockmock, "/containers/json?all=1").body()).contains(name).containsOnlyOnce("\"Id\"");
        assertThat(dockmock.engine().containers().all()).hasSize(1);
        assertThat(dockmock.journal().entries()).extracting(JournalEntry::target)
                .containsExactly("/containers/create?name=" + name, "/containers/json?all=1");
        Sightings.see(example, Thread.currentThread().getName(), dockmock);
    }

    abstract static class ParallelClass {
        @Test
        void createsItsOwnContainer(DockMock dockmock) throws Exception {
            createAndCheckIsolation(dockmock, CLASSES, "parallel-classes");
        }
    }

    @KitOnly
    @DockMockTest(images = "alpine:3.20")
    static class ParallelA extends ParallelClass {
    }

    @KitOnly
    @DockMockTest(images = "alpine:3.20")
    static class ParallelB extends ParallelClass {
    }

    @KitOnly
    @DockMockTest(images = "alpine:3.20")
    static class ParallelC extends ParallelClass {
    }

    @KitOnly
    @DockMockTest(images = "alpine:3.20", lifecycle = DockMockLifecycle.PER_METHOD)
    static class ParallelMethods {
        @Test
        void one(DockMock dockmock) throws Exception {
            createAndCheckIsolation(dockmock, METHODS, "parallel-methods");
        }

        @Test
        void two(DockMock dockmock) throws Exception {
            createAndCheckIsolation(dockmock, METHODS, "parallel-methods");
        }

        @Test
        void three(DockMock dockmock) throws Exception {
            createAndCheckIsolation(dockmock, METHODS, "parallel-methods");
        }
    }
}
