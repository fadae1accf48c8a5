package dev.dockmock.engine.exec;

import dev.dockmock.engine.containers.StreamFormat;
import dev.dockmock.engine.process.ProcessFiles;
import dev.dockmock.engine.process.ProcessIo;
import dev.dockmock.engine.process.ProcessList;
import dev.dockmock.engine.process.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The I/O of an exec'd process: output goes straight to the client's stream, or nowhere when the
 * exec is detached or the stream is not wanted. A process with a terminal ({@code tty}, the
 * exec's Tty) writes CRLF line ends and its stderr to the terminal too; the stream frames output
 * unless the start asked for a raw one ({@code raw}), which then carries no stderr of a process
 * without a terminal, as dockerd gives it none. With an attached stdin as well, the exec's
 * {@link Terminal} ({@code screen}) echoes what is typed and shows the output.
 */
record ExecIo(List<String> argv, Map<String, String> env, String hostname, String workingDir, InputStream stdin,
        OutputStream out, boolean tty, boolean raw, boolean wantStdout, boolean wantStderr,
        dev.dockmock.engine.process.ProcessNetwork network, ProcessFiles files, ProcessList processes, Terminal screen)
        implements ProcessIo {

    ExecIo(List<String> argv, Map<String, String> env, String hostname, String workingDir, InputStream stdin,
            OutputStream out, boolean tty, boolean raw, boolean wantStdout, boolean wantStderr,
            dev.dockmock.engine.process.ProcessNetwork network, ProcessFiles files, ProcessList processes) {
        this(argv, env, hostname, workingDir, stdin, out, tty, raw, wantStdout, wantStderr, network, files, processes, null);
    }

    @Override
    public Optional<Terminal> terminal() {
        return Optional.ofNullable(screen);
    }


    @Override
    public void stdout(byte[] data) {
        write(1, data, wantStdout);
    }

    @Override
    public void stderr(byte[] data) {
        if (tty) {
            write(1, data, wantStderr);
        } else {
            write(2, data, wantStderr && !raw);
        }
    }

    private void write(int stream, byte[] data, boolean wanted) {
        if (out == null || !wanted || data.length == 0) {
            return;
        }
        if (screen != null) {
            screen.write(data);
            return;
        }
        send(out, stream, tty ? dev.dockmock.engine.process.ContainerIo.crlf(data) : data, raw);
    }

    /** Sends bytes to the client's stream, framed unless it is raw; a client gone is no error. */
    static void send(OutputStream out, int stream, byte[] bytes, boolean raw) {
        synchronized (out) {
            try {
                out.write(StreamFormat.encode(stream, bytes, raw));
            } catch (IOException e) {
                // the client went away; the process keeps running, as in dockerd
            }
        }
    }
}
