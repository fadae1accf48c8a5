package dev.dockmock.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void bucketsAreContiguousAndEachHoldsItsLowestValue() {
        for (int index = 0; index < Histogram.index(Long.MAX_VALUE); index++) {
            long lowest = Histogram.lowest(index);
            assertThat(Histogram.index(lowest)).as("index of lowest(%d)", index).isEqualTo(index);
            assertThat(Histogram.index(Histogram.lowest(index + 1) - 1)).isEqualTo(index);
        }
    }

    @Test
    void percentilesAreWithinTwoPercent() {
        Histogram histogram = new Histogram();
        for (long micros = 1; micros <= 100_000; micros++) {
            histogram.record(micros);
        }

        assertThat(histogram.count()).isEqualTo(100_000);
        assertThat((double) histogram.percentile(50)).isCloseTo(50_000, within(1_000.0));
        assertThat((double) histogram.percentile(99)).isCloseTo(99_000, within(2_000.0));
        assertThat(histogram.max()).isEqualTo(100_000);
        assertThat(histogram.percentile(100)).isEqualTo(100_000);
    }

    @Test
    void addingMergesCountsAndMax() {
        Histogram a = new Histogram();
        Histogram b = new Histogram();
        a.record(10);
        b.record(3_000);

        a.add(b);

        assertThat(a.count()).isEqualTo(2);
        assertThat(a.max()).isEqualTo(3_000);
        assertThat(a.percentile(50)).isEqualTo(10);
    }
}
