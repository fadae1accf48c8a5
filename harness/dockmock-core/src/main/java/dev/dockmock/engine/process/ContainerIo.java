package dev.dockmock.engine.process;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The {@link ProcessIo} of a process inside a container: output goes to the container's log (with
 * a TTY, stderr joins stdout and line ends become CRLF, as a terminal's line discipline does).
 *
 * @param tty whether the process has a terminal
 * @param console the terminal the client types into ({@code Tty} with {@code OpenStdin}), or null
 * @param network what its processes can connect to
 * @param files the container's files
 * @param processes the container's processes, as the main process sees them
 */
public record ContainerIo(List<String> argv, Map<String, String> env, String hostname, String workingDir,
        InputStream stdin, OutputLog log, boolean tty, Terminal console, ProcessNetwork network, ProcessFiles files,
        ProcessList processes)
        implements ProcessIo {

    @Override
    public void stdout(byte[] data) {
        if (console != null) {
            console.write(data);
        } else {
            log.append(1, tty ? crlf(data) : data);
        }
    }

    @Override
    public void stderr(byte[] data) {
        if (console != null) {
            console.write(data);
        } else {
            log.append(tty ? 1 : 2, tty ? crlf(data) : data);
        }
    }

    @Override
    public java.util.Optional<Terminal> terminal() {
        return java.util.Optional.ofNullable(console);
    }

    /** Line ends as a terminal shows them: LF becomes CRLF. */
    public static byte[] crlf(byte[] data) {
        int extra = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r')) {
                extra++;
            }
        }
        if (extra == 0) {
            return data;
        }
        byte[] out = new byte[data.length + extra];
        int j = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r')) {
                out[j++] = '\r';
            }
            out[j++] = data[i];
        }
        return out;
    }

    /** A stdin that is already at its end, for processes started without one. */
    public static InputStream noStdin() {
        return InputStream.nullInputStream();
    }
}
