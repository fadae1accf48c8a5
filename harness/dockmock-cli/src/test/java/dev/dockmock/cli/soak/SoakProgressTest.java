package dev.dockmock.cli.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The soak's progress: a line redrawn in place on a terminal, plain lines elsewhere. */
class SoakProgressTest {
    private static final Sample FIRST = new Sample(2.0, 12L << 20, 150L << 20, 45, 100, 4_000, 3_900);
    private static final Sample SECOND = new Sample(4.0, 13L << 20, 151L << 20, 46, 101, 12_000, 11_800);

    @Test
    void liveProgressRedrawsOneLineAndClearsItAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SoakProgress progress = new SoakProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 60);

        progress.sampled(FIRST, 0);
        progress.sampled(SECOND, 2);
        progress.done();

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\n").startsWith("\r\033[2Ksoak    2 s / 60 s").endsWith("\r\033[2K")
                .contains("requests 12,000 (4,000/s)  wrong answers 2");
    }

    @Test
    void plainProgressWritesALinePerSample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SoakProgress progress = new SoakProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 60);

        progress.sampled(FIRST, 0);
        progress.sampled(SECOND, 0);
        progress.done();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(2).allSatisfy(line -> assertThat(line)
                .startsWith("soak ").doesNotContain("\r", "\033")).last().asString()
                .contains("heap after GC   13.0 MiB", "threads   46", "fds  101", "requests 12,000 (4,000/s)");
    }
}
