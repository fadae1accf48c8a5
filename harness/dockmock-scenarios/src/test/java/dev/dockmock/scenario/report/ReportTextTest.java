package dev.dockmock.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    @Test
    void controlCharactersBecomePicturesAndBrokenSurrogatesReplacementCharacters() {
        assertThat(ReportText.printable("a\u001b[1mb\u0000\u007f\tc\r\n")).isEqualTo("a\u241b[1mb\u2400\u2421\tc\r\n");
        assertThat(ReportText.printable("\u001bok \uD83D\uDC33 whale")).isEqualTo("\u241bok \uD83D\uDC33 whale");
        assertThat(ReportText.printable("lone \uD83D and \uDC33 and \uFFFE")).isEqualTo("lone \uFFFD and \uFFFD and \uFFFD");
        assertThat(ReportText.printable(null)).isEmpty();
    }

    @Test
    void htmlEscapesEveryCharacterThatCouldOpenMarkupOrCloseAnAttribute() {
        assertThat(ReportText.html("<a href='x' title=\"y\">&amp;</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;amp;&lt;/a&gt;");
    }

    @Test
    void durationsForMachinesAndForPeople() {
        assertThat(ReportText.seconds(Duration.ofMillis(1_234))).isEqualTo("1.234");
        assertThat(ReportText.seconds(null)).isEqualTo("0.000");
        assertThat(ReportText.millis(Duration.ofNanos(1_500))).isEqualTo(0.002);
        assertThat(ReportText.human(Duration.ofNanos(850_000))).isEqualTo("850 µs");
        assertThat(ReportText.human(Duration.ofMillis(12))).isEqualTo("12 ms");
        assertThat(ReportText.human(Duration.ofMillis(3_400))).isEqualTo("3.40 s");
        assertThat(ReportText.human(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(ReportText.human(null)).isEqualTo("still running");
    }

    @Test
    void aFinalLineBreakEndsTheLastLine() {
        assertThat(ReportText.lines("a\r\nb\n")).containsExactly("a", "b");
        assertThat(ReportText.lines("a\n\n")).containsExactly("a", "");
        assertThat(ReportText.lines("")).containsExactly("");
    }
}
