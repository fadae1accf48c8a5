package dev.dockmock.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.cli.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line of {@code dockmock bench}, read through the CLI's shared flag walker. */
class BenchOptionsTest {

    @Test
    void defaultsAndQuickDefaults() {
        BenchOptions standard = BenchOptions.parse(new String[0]);
        assertThat(standard.runs()).isEqualTo(5);
        assertThat(standard.warmupRuns()).isEqualTo(2);
        assertThat(standard.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(standard.dockerd()).isTrue();

        BenchOptions quick = BenchOptions.parse(new String[] {"--quick"});
        assertThat(quick.runs()).isEqualTo(1);
        assertThat(quick.warmupRuns()).isZero();
        assertThat(quick.containers()).isEqualTo(1_000);
        assertThat(quick.dockerd()).isFalse();
    }

    @Test
    void valuesAfterASpaceOrAnEqualsSign() {
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--warmup-runs=3", "--duration", "0.5", "--out=x/y",
                "--connections", "4"});

        assertThat(options.warmupRuns()).isEqualTo(3);
        assertThat(options.duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.out()).isEqualTo(Path.of("x/y"));
        assertThat(options.connections()).isEqualTo(4);
    }

    @Test
    void wrongCommandLinesAreRefusedByName() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--warmup-runs", "-1"})).isInstanceOf(UsageException.class)
                .hasMessageContaining("--warmup-runs must be between 0 and 10");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--runs"})).isInstanceOf(UsageException.class)
                .hasMessageContaining("flag --runs needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--quick=yes"})).isInstanceOf(UsageException.class)
                .hasMessageContaining("--quick takes no value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"now"})).isInstanceOf(UsageException.class)
                .hasMessageContaining("bench takes no operands, got \"now\"");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"})).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option \"--fast\"");
    }
}
