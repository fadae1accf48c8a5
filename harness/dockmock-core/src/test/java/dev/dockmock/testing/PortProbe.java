package dev.dockmock.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A client outside the engine on a loopback port: an HTTP GET, whether the port refuses, whether it is free to bind. */
public final class PortProbe {

    private PortProbe() {
    }

    /** What a GET of {@code /} on {@code address:port} gets back, read to the end; empty when the connection is closed unanswered. */
    public static String get(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + address + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The GET's answer, or empty when the connection is refused or fails. */
    public static String getOrEmpty(String address, int port) {
        try {
            return get(address, port);
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether nothing listens on {@code address:port}: connecting is refused. */
    public static boolean refused(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }

    /** Whether {@code address:port} can be bound now (and is let go at once). */
    public static boolean free(String address, int port) {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free on every one of {@code addresses} now, found by asking the kernel for one. */
    public static int freePort(String... addresses) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                port = server.getLocalPort();
            }
            boolean everywhere = true;
            for (String address : addresses) {
                everywhere &= free(address, port);
            }
            if (everywhere) {
                return port;
            }
        }
        throw new IOException("no port is free on every one of the addresses");
    }
}
