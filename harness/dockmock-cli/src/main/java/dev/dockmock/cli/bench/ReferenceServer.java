package dev.dockmock.cli.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ResponseBody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The yardstick: the JDK's {@code com.sun.net.httpserver.HttpServer} on loopback tcp, replaying
 * answers dockmock gave (same status, header fields and body bytes) for exact request targets.
 *
 * <p>It sets {@code sun.net.httpserver.nodelay=true} before creating the server: without it the
 * JDK server leaves Nagle on and a keep-alive answer can wait ~40 ms for the client's delayed
 * ACK. The property is read once per JVM, when the first {@code HttpServer} is created, so in a
 * JVM that made one earlier this setting comes too late and the reference is much slower.
 */
final class ReferenceServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;

    private ReferenceServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /**
     * Starts on an ephemeral loopback port.
     *
     * @param answers the answer for each request target; other targets get a bare 404
     * @param threads the worker pool size; as many as client connections, so that no request
     *     waits for a free worker, as none does in dockmock with its thread per connection
     */
    static ReferenceServer start(Map<String, ApiResponse> answers, int threads) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-reference-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(pool);
        server.createContext("/", exchange -> answer(exchange, answers.get(exchange.getRequestURI().toString())));
        server.start();
        return new ReferenceServer(server, pool);
    }

    private static void answer(HttpExchange exchange, ApiResponse response) throws IOException {
        try {
            if (response == null || !(response.body() instanceof ResponseBody.Bytes bytes)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            response.headers().fields().forEach(field -> exchange.getResponseHeaders().add(field.getKey(), field.getValue()));
            byte[] body = bytes.data();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    /** Where it listens. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
