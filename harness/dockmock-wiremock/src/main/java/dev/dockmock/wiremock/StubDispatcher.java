package dev.dockmock.wiremock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.direct.DirectCallHttpServer;
import com.github.tomakehurst.wiremock.direct.UndelayedDirectCallFactory;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Answers Docker API requests from WireMock stub mappings, in front of another dispatcher:
 * requests no stub matches fall through to it (the engine, usually). WireMock runs socket-free
 * ({@code DirectCallHttpServer}); its faults and delays are carried out by dockmock's transport
 * faults, so stubs behave the same over unix sockets, tcp and TLS.
 *
 * <p>Mappings see paths without the {@code /v1.NN} prefix ({@code "urlPath": "/containers/json"});
 * the version a client asked for is in the {@code X-Docker-Api-Version} request header.
 *
 * <pre>{@code
 * Engine engine = Engine.create();
 * StubDispatcher stubs = StubDispatcher.fromDirectory(Path.of("stubs"), engine.dispatcher());
 * stubs.stubFor(get(urlPathEqualTo("/info")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
 * server.setDispatcher(stubs);
 * }</pre>
 */
public final class StubDispatcher implements Dispatcher, AutoCloseable {
    private final WireMockServer wireMock;
    private final DirectCallHttpServer direct;
    private final Dispatcher fallThrough;

    private StubDispatcher(WireMockConfiguration configuration, Dispatcher fallThrough) {
        UndelayedDirectCallFactory factory = new UndelayedDirectCallFactory();
        // dockmock keeps its own bounded journal; WireMock's is bounded too so a long run cannot fill the heap
        this.wireMock = new WireMockServer(configuration.httpServerFactory(factory).notifier(new Slf4jNotifier(false))
                .maxRequestJournalEntries(1000));
        this.wireMock.start();
        this.direct = Objects.requireNonNull(factory.server(), "WireMock built no direct-call server");
        this.fallThrough = Objects.requireNonNull(fallThrough, "fallThrough");
    }

    /**
     * Stubs from a WireMock root directory: JSON mappings in {@code root/mappings}, body files in
     * {@code root/__files}, WireMock's own format.
     *
     * @throws IllegalArgumentException when {@code root/mappings} is not a directory
     */
    public static StubDispatcher fromDirectory(Path root, Dispatcher fallThrough) {
        if (!Files.isDirectory(root.resolve("mappings"))) {
            throw new IllegalArgumentException("no WireMock mappings in " + root.toAbsolutePath()
                    + ": put the JSON stub mappings in " + root.resolve("mappings"));
        }
        return new StubDispatcher(WireMockConfiguration.options().usingFilesUnderDirectory(root.toString()), fallThrough);
    }

    /** No stubs yet: add them with {@link #stubFor} (WireMock's Java DSL). */
    public static StubDispatcher empty(Dispatcher fallThrough) {
        try {
            // an empty root of its own, so that nothing is picked up from the working directory
            Path root = Files.createTempDirectory("dockmock-stubs");
            Files.createDirectories(root.resolve("mappings"));
            root.toFile().deleteOnExit();
            root.resolve("mappings").toFile().deleteOnExit();
            return new StubDispatcher(WireMockConfiguration.options().usingFilesUnderDirectory(root.toString()), fallThrough);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a stub with WireMock's Java DSL ({@code get(urlPathEqualTo("/info")).willReturn(...)}). */
    public StubMapping stubFor(MappingBuilder mapping) {
        return wireMock.stubFor(mapping);
    }

    /** The WireMock instance behind this dispatcher, for the rest of its API (verification, scenarios, resets). */
    public WireMockServer wireMock() {
        return wireMock;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        Response response = direct.stubRequest(WireRequests.of(request));
        if (!response.wasConfigured()) {
            return fallThrough.dispatch(request);
        }
        return WireResponses.of(response);
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
