package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code test} and {@code [}: the status of each expression. */
class TestAppletTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", textBlock = """
            test                  -> 1
            test abc              -> 0
            test ''               -> 1
            test -z ''            -> 0
            test -n ''            -> 1
            test a = a            -> 0
            test a != a           -> 1
            test 10 -gt 9         -> 0
            test 3 -le 2          -> 1
            test ! a = b          -> 0
            test a = b -o 1 -eq 1 -> 0
            test ( 1 -eq 1 )      -> 0
            test -d /tmp          -> 0
            test -d /nope         -> 1
            test -e /dev/null     -> 0
            test -f /dev/null     -> 1
            test -x /bin/sh       -> 0
            test -f /app/run.sh   -> 1
            [ 1 -eq 1 ]           -> 0
            [ a -eq 1 ]           -> 2
            [ 1 -eq 1             -> 2
            """)
    void testsExpressions(String command, int status) {
        String[] argv = command.split(" ");
        for (int i = 0; i < argv.length; i++) {
            argv[i] = argv[i].equals("''") ? "" : argv[i];
        }
        assertThat(Run.of(RecordingIo.of(argv)).status()).isEqualTo(status);
    }
}
