package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line discipline in memory: what the screen shows and what a reader gets for typed keys. */
class TerminalTest {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final List<Integer> signals = new ArrayList<>();
    private final Terminal terminal = new Terminal(screen::writeBytes);

    {
        terminal.foreground(signals::add);
    }

    private void type(String keys) {
        byte[] bytes = keys.getBytes(StandardCharsets.ISO_8859_1);
        terminal.type(bytes, 0, bytes.length);
    }

    private String screen() {
        return screen.toString(StandardCharsets.ISO_8859_1);
    }

    /** One read of the reader: a line in canonical mode, {@code null} for end-of-file. */
    private String read(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        int n = in.read(buffer);
        return n < 0 ? null : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aTypedLineIsEchoedWithCrLfAndReadWhenEnterIsPressed() throws IOException {
        type("echo hi");
        assertThat(terminal.input().available()).isZero();
        type("\r");
        assertThat(screen()).isEqualTo("echo hi\r\n");
        assertThat(read(terminal.input())).isEqualTo("echo hi\n");
    }

    @Test
    void eraseAndKillTakeBackWhatTheEchoShowed() throws IOException {
        type("ab\u007fc\bd\u0015xy\n");
        assertThat(screen()).isEqualTo("ab\b \bc\b \bd\b \b\b \bxy\r\n");
        assertThat(read(terminal.input())).isEqualTo("xy\n");
    }

    @Test
    void controlCharactersEchoAsCaretsAndEraseAsTwoColumns() throws IOException {
        type("a\u001b\u007f\t\u007fz\n");
        assertThat(screen()).isEqualTo("a^[\b \b\b \b\t\b\b\b\b\b\b\bz\r\n");
        assertThat(read(terminal.input())).isEqualTo("az\n");
    }

    @Test
    void wordEraseTakesTheLastWordAndTheBlanksAfterIt() throws IOException {
        type("echo one two  \u0017x\n");
        assertThat(screen()).isEqualTo("echo one two  " + "\b \b".repeat(5) + "x\r\n");
        assertThat(read(terminal.input())).isEqualTo("echo one x\n");
    }

    @Test
    void controlDOnAnEmptyLineIsOneEndOfFileAndElsewhereSendsTheLineWithoutNewline() throws IOException {
        InputStream in = terminal.input();
        type("q\u0004");
        assertThat(read(in)).isEqualTo("q");
        type("\u0004");
        assertThat(read(in)).isNull();
        type("more\n");
        assertThat(read(in)).isEqualTo("more\n");
        assertThat(screen()).isEqualTo("qmore\r\n");
    }

    @Test
    void controlCFlushesTheInputEchoesAndSignalsTheForeground() throws IOException {
        type("typed ahead\nhalf");
        type("\u0003\u001c\u001a");
        assertThat(signals).containsExactly(Signals.SIGINT, Signals.SIGQUIT, Signals.SIGTSTP);
        assertThat(screen()).isEqualTo("typed ahead\r\nhalf^C^\\^Z");
        type("next\n");
        assertThat(read(terminal.input())).isEqualTo("next\n");
    }

    @Test
    void withoutEchoNothingTypedIsShownButLinesStillArrive() throws IOException {
        terminal.modes(terminal.modes().withEcho(false));
        type("secret\r");
        assertThat(screen()).isEmpty();
        assertThat(read(terminal.input())).isEqualTo("secret\n");
    }

    @Test
    void rawModePassesEveryByteAtOnceAndLeavesOutputAlone() throws IOException {
        terminal.modes(terminal.modes().raw().withEcho(false));
        type("\u0003\r\u007f");
        assertThat(signals).isEmpty();
        byte[] buffer = new byte[8];
        InputStream in = terminal.input();
        assertThat(in.read(buffer, 0, 8)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 3);
        terminal.write("a\nb".getBytes(StandardCharsets.US_ASCII));
        assertThat(screen()).isEqualTo("a\nb");
    }

    @Test
    void outputShowsNewlinesAsCrLfAndAHangUpEndsTheInputAfterTheTypedLines() throws IOException {
        terminal.write("one\ntwo\n".getBytes(StandardCharsets.US_ASCII));
        type("last\npart");
        terminal.hangUp();
        InputStream in = terminal.input();
        assertThat(read(in)).isEqualTo("last\n");
        assertThat(read(in)).isEqualTo("part");
        assertThat(read(in)).isNull();
        assertThat(screen()).isEqualTo("one\r\ntwo\r\nlast\r\npart");
    }

    @Test
    void theEchoOfALineShowsBeforeAReaderCanTakeIt() throws IOException {
        List<Integer> readableWhenShown = new ArrayList<>();
        Terminal[] watched = new Terminal[1];
        watched[0] = new Terminal(bytes -> {
            try {
                readableWhenShown.add(watched[0].input().available());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] keys = "exit\r".getBytes(StandardCharsets.US_ASCII);
        watched[0].type(keys, 0, keys.length);
        assertThat(readableWhenShown).containsExactly(0);
        assertThat(read(watched[0].input())).isEqualTo("exit\n");
    }
}
