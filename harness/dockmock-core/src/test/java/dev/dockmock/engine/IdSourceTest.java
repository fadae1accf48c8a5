package dev.dockmock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdSourceTest {

    @Test
    void randomIdsAreSixtyFourLowerCaseHexDigitsUsingEveryDigitAndNeverRepeat() {
        IdSource ids = IdSource.random();
        Set<String> seen = new HashSet<>();
        Set<Character> digits = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            assertThat(id).hasSize(64).matches("[0-9a-f]{64}");
            assertThat(seen.add(id)).as("repeated id %s", id).isTrue();
            id.chars().forEach(c -> digits.add((char) c));
        }
        assertThat(digits).hasSize(16);
    }

    @Test
    void seededIdsRepeatForTheSameSeedAndDifferForAnother() {
        IdSource first = IdSource.seeded(7);
        IdSource second = IdSource.seeded(7);
        IdSource other = IdSource.seeded(8);
        for (int i = 0; i < 100; i++) {
            String id = first.next();
            assertThat(id).matches("[0-9a-f]{64}").isEqualTo(second.next()).isNotEqualTo(other.next());
        }
    }
}
