package dev.dockmock.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineLayoutTest {
    private static final Instant T0 = SampleRuns.T0;

    @Test
    void aBurstGetsRoomForEveryLabel() {
        TimelineLayout layout = new TimelineLayout(T0, List.of(T0, T0.plusNanos(1000), T0.plusNanos(2000)), 50);

        assertThat(layout.start(0)).isEqualTo(50);
        assertThat(layout.start(1)).isEqualTo(50 + TimelineLayout.MIN_GAP);
        assertThat(layout.start(2)).isEqualTo(50 + 2 * TimelineLayout.MIN_GAP);
        assertThat(layout.breaks()).isEmpty();
    }

    @Test
    void moderatePausesScaleAndLongOnesAreCutShortWithABreak() {
        TimelineLayout layout = new TimelineLayout(T0, List.of(T0, T0.plusMillis(100), T0.plusSeconds(60)), 0);

        assertThat(layout.start(1)).isCloseTo(100 * TimelineLayout.PIXELS_PER_MILLI, within(0.001));
        assertThat(layout.start(2) - layout.start(1)).isEqualTo(TimelineLayout.MAX_GAP);
        assertThat(layout.breaks()).singleElement().satisfies(pause -> {
            assertThat(pause.pause()).isEqualTo(Duration.ofMillis(59_900));
            assertThat(pause.y()).isBetween(layout.start(1), layout.start(2));
        });
    }

    @Test
    void answerEndsFallBetweenTheStartsAroundThem() {
        TimelineLayout layout = new TimelineLayout(T0, List.of(T0, T0.plusMillis(10), T0.plusSeconds(10)), 0);

        double early = layout.at(Duration.ofMillis(5).toNanos());
        double later = layout.at(Duration.ofSeconds(5).toNanos());
        double afterLast = layout.at(Duration.ofMinutes(5).toNanos());
        assertThat(early).isStrictlyBetween(layout.start(0), layout.start(1));
        assertThat(later).isStrictlyBetween(layout.start(1), layout.start(2));
        assertThat(afterLast).isEqualTo(layout.start(2) + TimelineLayout.MAX_GAP);
    }
}
