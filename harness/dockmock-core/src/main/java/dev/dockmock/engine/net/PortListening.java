package dev.dockmock.engine.net;

import dev.dockmock.engine.process.PortAnswer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Bound server sockets and the connections they accepted, each answered as {@link HostPorts.Route}
 * says at the moment it is accepted: a container's published port always gets the same answer,
 * a swarm's routing mesh one task's after another. A connection with no answer is closed at once.
 */
final class PortListening implements HostPorts.OpenPort {
    private final List<ServerSocket> servers;
    private final HostPorts.Route route;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final List<Thread> acceptors = new CopyOnWriteArrayList<>();

    private PortListening(List<ServerSocket> servers, HostPorts.Route route) {
        this.servers = List.copyOf(servers);
        this.route = route;
    }

    /** Accepts on every one of {@code servers} (bound already, the first giving the port) on threads of its own. */
    static PortListening start(List<ServerSocket> servers, HostPorts.Route route) {
        PortListening listening = new PortListening(servers, route);
        for (ServerSocket socket : listening.servers) {
            Thread thread = new Thread(() -> listening.acceptLoop(socket), "dockmock-port-" + socket.getLocalPort());
            thread.setDaemon(true);
            listening.acceptors.add(thread);
            thread.start();
        }
        return listening;
    }

    private void acceptLoop(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread thread = new Thread(() -> serve(client), "dockmock-port-client");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            Optional<PortAnswer> answer = route.next();
            if (answer.isEmpty()) {
                return;
            }
            client.setTcpNoDelay(true);
            PortConversation.run(answer.get(), client.getInputStream(), client.getOutputStream(), client::shutdownOutput);
        } catch (IOException e) {
            // the client or the container went away
        } finally {
            clients.remove(client);
        }
    }

    @Override
    public int port() {
        return servers.get(0).getLocalPort();
    }

    @Override
    public void close() {
        for (ServerSocket server : servers) {
            try {
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        for (Socket client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        awaitAcceptorsEnded();
    }

    /**
     * The JDK releases a server socket that a thread is blocked accepting on only once that
     * thread has woken up, a few milliseconds after {@code close()}; waiting for it means the
     * port is free when close returns, so a test (or a service) can bind it at once.
     */
    private void awaitAcceptorsEnded() {
        for (Thread acceptor : acceptors) {
            if (acceptor == Thread.currentThread()) {
                continue;
            }
            try {
                acceptor.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
