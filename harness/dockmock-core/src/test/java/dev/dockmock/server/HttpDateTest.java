package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpDateTest {

    @Test
    void writesImfFixdateWithTwoDigitDays() {
        assertThat(HttpDate.format(1_762_332_577L)).isEqualTo("Wed, 05 Nov 2025 08:49:37 GMT");
        assertThat(HttpDate.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void nowHasTheSameShape() {
        assertThat(HttpDate.now()).matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
    }
}
