package dev.dockmock.engine.exec;

import dev.dockmock.engine.containers.StreamFormat;
import dev.dockmock.engine.process.ProcessFiles;
import dev.dockmock.engine.process.ProcessIo;
import dev.dockmock.engine.process.ProcessList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The I/O of an exec'd process: output goes straight to the client's stream (framed without a
 * TTY), or nowhere when the exec is detached or the stream is not wanted.
 */
record ExecIo(List<String> argv, Map<String, String> env, String hostname, String workingDir, InputStream stdin,
        OutputStream out, boolean tty, boolean wantStdout, boolean wantStderr, dev.dockmock.engine.process.ProcessNetwork network,
        ProcessFiles files, ProcessList processes) implements ProcessIo {

    @Override
    public void stdout(byte[] data) {
        write(1, data, wantStdout);
    }

    @Override
    public void stderr(byte[] data) {
        write(tty ? 1 : 2, data, wantStderr);
    }

    private void write(int stream, byte[] data, boolean wanted) {
        if (out == null || !wanted || data.length == 0) {
            return;
        }
        byte[] bytes = tty ? dev.dockmock.engine.process.ContainerIo.crlf(data) : data;
        synchronized (out) {
            try {
                out.write(StreamFormat.encode(stream, bytes, tty));
            } catch (IOException e) {
                // the client went away; the process keeps running, as in dockerd
            }
        }
    }
}
