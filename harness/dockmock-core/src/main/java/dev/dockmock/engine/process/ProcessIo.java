package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a simulated process sees: its arguments and environment, its stdin, and where its stdout
 * and stderr go. Implementations are given by the engine (a container's main process, an exec)
 * and by tests.
 */
public interface ProcessIo {

    /** The full argument vector, {@code argv().get(0)} being the program as named. */
    List<String> argv();

    /** The environment, as {@code NAME -> value}. */
    Map<String, String> env();

    /** The container's host name. */
    String hostname();

    /** The working directory ({@code /} when the image sets none). */
    String workingDir();

    /** The process's stdin: ends at EOF when the client closes it or when there is none. */
    InputStream stdin();

    /**
     * The terminal its stdin and output are, when the container or exec has {@code Tty} and an
     * open stdin: an interactive shell then prompts and handles typed signals.
     */
    default java.util.Optional<Terminal> terminal() {
        return java.util.Optional.empty();
    }

    /** The files the process reads and writes; none unless it runs in a container. */
    default ProcessFiles files() {
        return ProcessFiles.NONE;
    }

    /** Who the process runs as: the user its files are used with. */
    default ProcessUser user() {
        return files().user();
    }

    /** Writes to stdout; never blocks on a slow reader. */
    void stdout(byte[] data);

    /** Writes to stderr; never blocks on a slow reader. */
    void stderr(byte[] data);

    default void stdout(String text) {
        stdout(text.getBytes(StandardCharsets.UTF_8));
    }

    default void stderr(String text) {
        stderr(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The processes it can see ({@code ps}): only itself unless it runs in a container. */
    default ProcessList processes() {
        return ProcessList.alone(argv());
    }

    /**
     * What the process can connect to: its container's ports and those of the containers sharing a
     * network with it. Outside a container only the loopback names resolve, and nothing listens.
     */
    default ProcessNetwork network() {
        return ProcessNetwork.NONE;
    }

    /**
     * Whether something in the process's container listens on {@code port} (tcp), as seen from
     * inside it: {@code nc -z localhost PORT} succeeds then.
     */
    default boolean listening(int port) {
        return network().listening(port);
    }
}
