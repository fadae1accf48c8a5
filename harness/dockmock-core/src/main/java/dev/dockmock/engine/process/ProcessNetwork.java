package dev.dockmock.engine.process;

import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The tcp endpoints a simulated process can reach: its own container's ports (through
 * {@code localhost}, its name or address) and those of the containers sharing a network with it.
 * Nothing here touches a real socket: a connection is answered by the target container's
 * behaviour ({@link PortAnswer}).
 */
@FunctionalInterface
public interface ProcessNetwork {

    /** The names every container gives its own loopback interface. */
    Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0.0.0.0", "ip6-localhost");

    /** Outside any container: nothing listens, and only the loopback names resolve. */
    ProcessNetwork NONE = loopback(port -> false);

    /** What a tcp connection to {@code host:port} meets. */
    Reach connect(String host, int port);

    /** Whether something listens on {@code port} of the process's own container ({@code nc -z localhost PORT}). */
    default boolean listening(int port) {
        return connect("127.0.0.1", port) instanceof Reach.Answered;
    }

    /**
     * A network of the loopback interface alone: the ports {@code listening} accepts connections
     * and hold them open; every other host is unknown.
     */
    static ProcessNetwork loopback(IntPredicate listening) {
        return (host, port) -> {
            if (!LOOPBACK.contains(host)) {
                return new Reach.Unresolved();
            }
            String address = host.contains(":") ? "::1" : "127.0.0.1";
            return listening.test(port) ? new Reach.Answered(address, new PortAnswer.Accept()) : new Reach.Refused(address);
        };
    }

    /** The outcome of connecting. */
    sealed interface Reach {

        /**
         * Something listens there.
         *
         * @param address the address the host name resolved to
         * @param answer what it does with the connection
         */
        record Answered(String address, PortAnswer answer) implements Reach {
        }

        /** The host resolved to {@code address}, but nothing listens on the port. */
        record Refused(String address) implements Reach {
        }

        /** The host name resolves to nothing ({@code bad address}). */
        record Unresolved() implements Reach {
        }
    }
}
