package dev.dockmock.engine.net;

import dev.dockmock.engine.networks.Networks;
import dev.dockmock.engine.process.PortAnswer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link HostPorts} on real sockets on loopback addresses only: 127.0.0.1, and the default bridge
 * gateway (also a loopback address), where a real daemon's published ports answer too. Nothing is
 * reachable from other hosts.
 */
public final class LoopbackPorts implements HostPorts {
    private final List<InetAddress> also;

    /** 127.0.0.1 and the bridge gateway. */
    public LoopbackPorts() {
        this(List.of(Networks.BRIDGE_GATEWAY));
    }

    /** 127.0.0.1 and {@code alsoOn}, each of which must be a loopback address. */
    public LoopbackPorts(List<String> alsoOn) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String address : alsoOn) {
            try {
                InetAddress parsed = InetAddress.getByName(address);
                if (!parsed.isLoopbackAddress()) {
                    throw new IllegalArgumentException("published ports stay on loopback addresses; " + address + " is not one");
                }
                addresses.add(parsed);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address: " + address, e);
            }
        }
        this.also = List.copyOf(addresses);
    }

    @Override
    public OpenPort open(int requested, PortAnswer answer) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            ServerSocket first = bind(InetAddress.getLoopbackAddress(), requested);
            sockets.add(first);
            for (InetAddress address : also) {
                try {
                    sockets.add(bind(address, first.getLocalPort()));
                } catch (IOException e) {
                    // the port is taken on that address only: it still answers on 127.0.0.1
                }
            }
        } catch (IOException e) {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
            throw e;
        }
        return PortListening.start(sockets, () -> Optional.of(answer));
    }

    @Override
    public OpenPort openRouted(String address, int port, Route route) throws IOException {
        InetAddress bound = InetAddress.getByName(address);
        if (!bound.isLoopbackAddress()) {
            throw new IllegalArgumentException("routed ports stay on loopback addresses; " + address + " is not one");
        }
        return PortListening.start(List.of(bind(bound, port)), route);
    }

    @Override
    public boolean free(int port) {
        try (ServerSocket probe = bind(InetAddress.getLoopbackAddress(), port)) {
            return probe.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static ServerSocket bind(InetAddress address, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(address, port), 50);
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }
}
