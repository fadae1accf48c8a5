package dev.dockmock.engine.process;

import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link ProcessIo} the shell gives each command it runs; {@code console} is the shell's
 * terminal (or null), which commands such as {@code stty} work on.
 */
record CommandIo(List<String> argv, Map<String, String> env, String hostname, String workingDir, InputStream stdin,
        Consumer<byte[]> out, Consumer<byte[]> err, ProcessNetwork network, ProcessFiles files, ProcessList processes,
        Terminal console)
        implements ProcessIo {

    CommandIo(List<String> argv, Map<String, String> env, String hostname, String workingDir, InputStream stdin,
            Consumer<byte[]> out, Consumer<byte[]> err, ProcessNetwork network, ProcessFiles files, ProcessList processes) {
        this(argv, env, hostname, workingDir, stdin, out, err, network, files, processes, null);
    }

    CommandIo {
        argv = List.copyOf(argv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    CommandIo(List<String> argv, Map<String, String> env, String hostname, String workingDir, Streams streams,
            ProcessNetwork network, ProcessFiles files, ProcessList processes) {
        this(argv, env, hostname, workingDir, streams.in(), streams.out(), streams.err(), network, files, processes, null);
    }

    @Override
    public java.util.Optional<Terminal> terminal() {
        return java.util.Optional.ofNullable(console);
    }

    @Override
    public void stdout(byte[] data) {
        out.accept(data);
    }

    @Override
    public void stderr(byte[] data) {
        err.accept(data);
    }
}
