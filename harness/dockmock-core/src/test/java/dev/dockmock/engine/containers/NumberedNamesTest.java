package dev.dockmock.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberedNamesTest {

    @Test
    void readsOnlyTheNumbersADrawGives() {
        assertThat(NumberedNames.trailingNumber("admiring_turing4096")).isEqualTo(4096);
        assertThat(NumberedNames.trailingNumber("admiring_turing")).isEqualTo(-1);
        assertThat(NumberedNames.trailingNumber("web07")).as("a leading zero").isEqualTo(-1);
        assertThat(NumberedNames.trailingNumber("x1234567890123456789")).as("too long").isEqualTo(-1);
        assertThat(NumberedNames.trailingNumber("42")).isEqualTo(42);
    }

    @Test
    void drawsDistinctNumbersInOrder() {
        NumberedNames names = new NumberedNames();
        long first = names.reserve();
        assertThat(names.reserve()).isEqualTo(first + 1);
    }
}
