package dev.dockmock.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchJvmTest {

    @Test
    void anOptionNamingACollectorKeepsTheParallelOneOut() {
        for (String option : new String[] {"-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseSerialGC", "-XX:+UseParallelGC", "-XX:+UseShenandoahGC"}) {
            assertThat(BenchJvm.choosesCollector(option)).as(option).isTrue();
        }
        for (String option : new String[] {"-XX:-UseG1GC", "-XX:+UseCompressedOops", "-Xmx1g", "-XX:+UseStringDeduplication"}) {
            assertThat(BenchJvm.choosesCollector(option)).as(option).isFalse();
        }
    }
}
