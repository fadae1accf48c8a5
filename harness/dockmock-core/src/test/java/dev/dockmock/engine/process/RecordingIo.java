package dev.dockmock.engine.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link ProcessIo} for tests: a given argv, env and stdin; stdout and stderr recorded. */
final class RecordingIo implements ProcessIo {
    static final Map<String, String> DEFAULT_ENV = defaultEnv();

    private final List<String> argv;
    private final Map<String, String> env;
    private final InputStream stdin;
    private final ProcessFiles files;
    private final ProcessList processes;
    private ProcessNetwork network = ProcessNetwork.NONE;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    RecordingIo(List<String> argv, Map<String, String> env, InputStream stdin) {
        this(argv, env, stdin, ProcessFiles.NONE, null);
    }

    private RecordingIo(List<String> argv, Map<String, String> env, InputStream stdin, ProcessFiles files,
            ProcessList processes) {
        this.argv = List.copyOf(argv);
        this.env = env;
        this.stdin = stdin;
        this.files = files;
        this.processes = processes;
    }

    static RecordingIo of(String... argv) {
        return new RecordingIo(List.of(argv), DEFAULT_ENV, new ByteArrayInputStream(new byte[0]));
    }

    RecordingIo withStdin(String text) {
        return new RecordingIo(argv, env, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), files, processes).withNetwork(network);
    }

    RecordingIo withStdin(InputStream in) {
        return new RecordingIo(argv, env, in, files, processes).withNetwork(network);
    }

    RecordingIo withEnv(Map<String, String> environment) {
        return new RecordingIo(argv, environment, stdin, files, processes).withNetwork(network);
    }

    /** The same process, reading and writing {@code processFiles}. */
    RecordingIo withFiles(ProcessFiles processFiles) {
        return new RecordingIo(argv, env, stdin, processFiles, processes).withNetwork(network);
    }

    /** The same process, seeing {@code list} (by default, only itself). */
    RecordingIo withProcesses(ProcessList list) {
        return new RecordingIo(argv, env, stdin, files, list).withNetwork(network);
    }

    /** The same process, reaching {@code reachable} ({@code wget}, {@code nc}); nothing by default. */
    RecordingIo withNetwork(ProcessNetwork reachable) {
        RecordingIo copy = new RecordingIo(argv, env, stdin, files, processes);
        copy.network = reachable;
        return copy;
    }

    @Override
    public ProcessNetwork network() {
        return network;
    }

    @Override
    public ProcessList processes() {
        return processes != null ? processes : ProcessIo.super.processes();
    }

    @Override
    public ProcessFiles files() {
        return files;
    }

    @Override
    public List<String> argv() {
        return argv;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public String hostname() {
        return "c0ffee123456";
    }

    @Override
    public String workingDir() {
        return "/";
    }

    @Override
    public InputStream stdin() {
        return stdin;
    }

    @Override
    public void stdout(byte[] data) {
        synchronized (out) {
            out.writeBytes(data);
        }
    }

    @Override
    public void stderr(byte[] data) {
        synchronized (err) {
            err.writeBytes(data);
        }
    }

    String out() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> defaultEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOSTNAME", "c0ffee123456");
        env.put("HOME", "/root");
        return Collections.unmodifiableMap(env);
    }
}
