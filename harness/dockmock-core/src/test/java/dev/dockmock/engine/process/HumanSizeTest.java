package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ls -lh}'s sizes, as busybox 1.35 printed them for files of these sizes. */
class HumanSizeTest {

    @ParameterizedTest(name = "{0} bytes => {1}")
    @CsvSource({"0, 0", "13, 13", "1023, 1023", "1024, 1.0K", "1025, 1.0K", "1536, 1.5K", "10239, 10.0K",
            "10752, 10.5K", "102400, 100.0K", "1048575, 1024.0K", "1048576, 1.0M", "1572864, 1.5M", "20971520, 20.0M"})
    void sizes(long bytes, String shown) {
        assertThat(HumanSize.bytes(bytes)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} KiB => {1}")
    @CsvSource({"0, 0", "4, 4K", "8, 8K", "1200, 1M", "1536, 2M"})
    void totals(long kibibytes, String shown) {
        assertThat(HumanSize.blocks(kibibytes)).isEqualTo(shown);
    }
}
