package dev.dockmock.cli.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line of {@code dockmock soak}: times, defaults and the sampling interval. */
class SoakOptionsTest {
    @Test
    void timesTakeUnitsAndABareNumberIsSeconds() {
        assertThat(SoakOptions.parse(new String[] {"--duration", "10m"}).duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(SoakOptions.parse(new String[] {"--duration=600s"}).duration()).isEqualTo(Duration.ofSeconds(600));
        assertThat(SoakOptions.parse(new String[] {"--duration", "90"}).duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(SoakOptions.parse(new String[] {"--duration", "1h"}).duration()).isEqualTo(Duration.ofHours(1));
        assertThat(SoakOptions.parse(new String[] {"--duration", "7.5s"}).duration()).isEqualTo(Duration.ofMillis(7500));
    }

    @Test
    void defaultsAndTheIntervalFollowingTheDuration() {
        SoakOptions defaults = SoakOptions.parse(new String[0]);

        assertThat(defaults.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.clients()).isEqualTo(8);
        assertThat(defaults.out()).isEqualTo(Path.of("reports", "soak"));
        assertThat(defaults.plain()).isFalse();
        assertThat(defaults.dockerCli()).isTrue();
        assertThat(defaults.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(SoakOptions.parse(new String[] {"--duration", "5s"}).interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(SoakOptions.parse(new String[] {"--duration", "10m"}).interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(SoakOptions.parse(new String[] {"--duration", "1h", "--interval", "30s"}).interval())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(SoakOptions.parse(new String[] {"--clients", "3", "--out", "x", "--plain", "--no-docker-cli"}))
                .extracting(SoakOptions::clients, SoakOptions::out, SoakOptions::plain, SoakOptions::dockerCli)
                .containsExactly(3, Path.of("x"), true, false);
    }
}
