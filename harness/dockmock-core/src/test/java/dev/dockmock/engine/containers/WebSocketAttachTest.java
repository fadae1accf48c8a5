package dev.dockmock.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.server.DockMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Attach over a WebSocket, with the JDK's WebSocket client: stdin in as frames, output back as frames. */
@Timeout(30)
class WebSocketAttachTest {

    @Test
    void stdinAndOutputTravelAsWebSocketFrames() throws Exception {
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none()).withSeedImages(List.of("alpine:latest")));
             DockMockServer server = DockMockServer.builder().host("tcp://127.0.0.1:0").dispatcher(engine.dispatcher()).build().start()) {
            byte[] create = "{\"Image\":\"alpine\",\"Cmd\":[\"cat\"],\"OpenStdin\":true}".getBytes(StandardCharsets.UTF_8);
            ResponseBody.Bytes created = (ResponseBody.Bytes) engine.dispatcher().dispatch(ApiRequest.of("POST",
                    "/v1.50/containers/create?name=wsc", Headers.of("Content-Type", "application/json"), create,
                    ClientInfo.inMemory())).body();
            String id = Json.parse(created.data()).path("Id").asText();
            assertThat(engine.dispatcher().dispatch(ApiRequest.of("POST", "/v1.50/containers/" + id + "/start")).status()).isEqualTo(204);

            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            String address = server.boundHosts().get(0).toString().replace("tcp://", "ws://");
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(address + "/v1.50/containers/wsc/attach/ws?stream=1&stdout=1&stdin=1"),
                            new WebSocket.Listener() {
                                @Override
                                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                    received.add(data.toString());
                                    ws.request(1);
                                    return null;
                                }
                            })
                    .get(10, TimeUnit.SECONDS);
            socket.sendText("hello over websocket\n", true).get(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello over websocket\n");
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void aPlainRequestIsRefused() {
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none()).withSeedImages(List.of("alpine:latest")))) {
            byte[] create = "{\"Image\":\"alpine\",\"Cmd\":[\"true\"]}".getBytes(StandardCharsets.UTF_8);
            engine.dispatcher().dispatch(ApiRequest.of("POST", "/containers/create?name=wsp",
                    Headers.of("Content-Type", "application/json"), create, ClientInfo.inMemory()));
            assertThat(engine.dispatcher().dispatch(ApiRequest.of("GET", "/containers/wsp/attach/ws?stream=1")).status()).isEqualTo(400);
        }
    }
}
