package dev.dockmock.cli.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.dockmock.engine.Engine;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up and shut-down of an embedded server, as a test sees them: from creating it to its
 * first answered ping, and from asking it to close to its being closed. dockmock is built with
 * a new engine on a tcp port; WireMock as {@code new WireMockServer(dynamicPort)}. The first
 * round of each pays for class loading and is reported on its own ("cold").
 */
final class StartupBench {
    static final String SECTION = "startup";

    private StartupBench() {
    }

    static List<Figure> measure(int repeats) throws IOException {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(figures("dockmock", repeats, StartupBench::dockmock));
        figures.addAll(figures("wiremock", repeats, StartupBench::wiremock));
        return figures;
    }

    private interface Round {
        /** Returns {ready nanos, closed nanos}. */
        long[] run() throws IOException;
    }

    private static List<Figure> figures(String target, int repeats, Round round) throws IOException {
        long[] cold = round.run();
        double[] ready = new double[repeats];
        double[] closed = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long[] r = round.run();
            ready[i] = r[0] / 1e6;
            closed[i] = r[1] / 1e6;
        }
        return List.of(Figure.of(SECTION, "ready, cold (first in this JVM)", target, "ms", cold[0] / 1e6),
                Figure.of(SECTION, "ready (created to first ping answered)", target, "ms", ready),
                Figure.of(SECTION, "closed, cold", target, "ms", cold[1] / 1e6),
                Figure.of(SECTION, "closed (close() returned)", target, "ms", closed));
    }

    private static long[] dockmock() throws IOException {
        long start = System.nanoTime();
        Engine engine = BenchEngine.create();
        DockMockServer server = DockMockServer.builder().host("tcp://127.0.0.1:0")
                .options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(engine.dispatcher()).build().start();
        DockerHost.Tcp host = (DockerHost.Tcp) server.boundHosts().get(0);
        ping(new InetSocketAddress(host.host(), host.port()));
        long ready = System.nanoTime() - start;
        long closing = System.nanoTime();
        server.close();
        engine.close();
        return new long[] {ready, System.nanoTime() - closing};
    }

    private static long[] wiremock() throws IOException {
        long start = System.nanoTime();
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        server.start();
        ping(new InetSocketAddress("127.0.0.1", server.port()));
        long ready = System.nanoTime() - start;
        long closing = System.nanoTime();
        server.stop();
        return new long[] {ready, System.nanoTime() - closing};
    }

    private static void ping(InetSocketAddress address) throws IOException {
        // Any answer will do: WireMock answers 404 without a stub, which is still an answer.
        RawAnswer.exchange(address, Endpoint.get(BenchEngine.API + "/_ping").request());
    }
}
