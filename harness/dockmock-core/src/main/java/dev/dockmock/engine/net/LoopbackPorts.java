package dev.dockmock.engine.net;

import dev.dockmock.engine.process.PortAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link HostPorts} on real sockets bound to 127.0.0.1 only: nothing is reachable from other hosts. */
public final class LoopbackPorts implements HostPorts {

    @Override
    public OpenPort open(int requested, PortAnswer answer) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requested), 50);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        Listening listening = new Listening(server, answer);
        Thread thread = new Thread(listening::acceptLoop, "dockmock-port-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
        return listening;
    }

    private static final class Listening implements OpenPort {
        private final ServerSocket server;
        private final PortAnswer answer;
        private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

        Listening(ServerSocket server, PortAnswer answer) {
            this.server = server;
            this.answer = answer;
        }

        void acceptLoop() {
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
            try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                client.setTcpNoDelay(true);
                if (answer instanceof PortAnswer.Ryuk) {
                    ryuk(in, out);
                } else if (answer instanceof PortAnswer.Banner banner) {
                    if (banner.afterRequest() && in.read(new byte[4096]) < 0) {
                        return;
                    }
                    out.write(banner.bytes());
                    out.flush();
                    client.shutdownOutput();
                    in.transferTo(OutputStream.nullOutputStream());
                } else {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            } catch (IOException e) {
                // the client or the container went away
            } finally {
                clients.remove(client);
            }
        }

        /** Ryuk's protocol: one line of label filters in, {@code ACK} out. */
        private static void ryuk(InputStream in, OutputStream out) throws IOException {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    out.write("ACK\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        }

        @Override
        public int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
            for (Socket client : clients) {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }
}
