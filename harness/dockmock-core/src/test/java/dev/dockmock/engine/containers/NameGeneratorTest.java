package dev.dockmock.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NameGeneratorTest {

    @Test
    void namesLookLikeDockersAndRepeatForAnId() {
        String id = "4f2c9a0b1d3e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";
        String name = NameGenerator.generate(id, taken -> false);
        assertThat(name).matches("[a-z]+_[a-z]+").isEqualTo(NameGenerator.generate(id, taken -> false));
        assertThat(NameGenerator.generate(id, name::equals)).as("a retry appends a number, as dockerd's does")
                .matches("[a-z]+_[a-z]+[0-9]+");
    }

    /** Far more containers than base names (about 15,000): every name is free, and few tries are needed. */
    @Test
    void manyContainersGetFreeNamesWithoutLongSearches() {
        Set<String> taken = new HashSet<>();
        AtomicLong tries = new AtomicLong();
        Random random = new Random(42);
        int containers = 60_000;
        for (int i = 0; i < containers; i++) {
            String id = String.format("%016x%016x", random.nextLong(), random.nextLong());
            String name = NameGenerator.generate(id, candidate -> {
                tries.incrementAndGet();
                return taken.contains(candidate);
            });
            assertThat(taken.add(name)).as("fresh name %s", name).isTrue();
        }
        assertThat((double) tries.get() / containers).as("tries per name").isLessThan(3.0);
    }

    /** Told how many names are taken, the search skips ranges that are already crowded. */
    @Test
    void crowdedNamesStartTheSearchInALargerRange() {
        Set<String> taken = new HashSet<>();
        AtomicLong tries = new AtomicLong();
        Random random = new Random(7);
        int containers = 200_000;
        int plainAmongFirst = 0;
        for (int i = 0; i < containers; i++) {
            String id = String.format("%016x%016x", random.nextLong(), random.nextLong());
            String name = NameGenerator.generate(id, candidate -> {
                tries.incrementAndGet();
                return taken.contains(candidate);
            }, taken.size());
            assertThat(taken.add(name)).as("fresh name %s", name).isTrue();
            if (i < 1000 && name.matches("[a-z]+_[a-z]+")) {
                plainAmongFirst++;
            }
        }
        assertThat(plainAmongFirst).as("few containers: plain names, as dockerd gives").isGreaterThan(950);
        assertThat((double) tries.get() / containers).as("tries per name").isLessThan(1.4);
    }
}
