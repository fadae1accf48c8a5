package dev.dockmock.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.testing.ControlledServer;
import dev.dockmock.testing.RawHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Java client of the admin API, over the unix socket of a running dockmock. */
@Timeout(30)
class AdminClientTest {

    @Test
    void everyOperationOverAUnixSocket() throws Exception {
        try (ControlledServer dockmock = ControlledServer.start()) {
            AdminClient admin = AdminClient.of(dockmock.unix().toString());
            dockmock.control().dispatcher().dispatch(ApiRequest.of("GET", "/v1.50/version"));
            assertThat(admin.count("{method: GET, path: /version}")).isEqualTo(1);
            assertThat(admin.find("path: /version").get(0).path("target").asText()).isEqualTo("/v1.50/version");
            assertThat(admin.journal()).hasSize(1);
            admin.clearJournal();
            assertThat(admin.journal()).isEmpty();

            admin.addFaults("faults: [{name: no-info, match: {path: /info}, times: 1, error: {status: 503, message: busy}}]");
            assertThat(admin.faults().get(0).path("name").asText()).isEqualTo("no-info");
            try (RawHttpClient client = RawHttpClient.connect(dockmock.unix())) {
                assertThat(client.exchange(RawHttpClient.request("GET", "/info")).status()).isEqualTo(503);
            }
            admin.removeFault("no-info");
            assertThatThrownBy(() -> admin.removeFault("no-info")).isInstanceOf(DockerException.class).hasMessageContaining("no fault named");
            admin.addFaults("engine: {pulls: [{image: alpine, error: broken}]}");
            admin.clearFaults();
            assertThat(admin.state().path("engineFaults").path("pulls")).isEmpty();

            admin.injectEvents("[{Type: volume, Action: create, Actor: {ID: v1}}]");
            assertThat(dockmock.control().engine().context().events().history(e -> e.actorId().equals("v1"))).hasSize(1);
            admin.loadFixtures("seed: [alpine:3.20]");
            assertThat(admin.state().path("images").toString()).contains("alpine:3.20");
            admin.reset();
            assertThat(admin.state().path("images").toString()).contains("alpine:3.20");
            assertThat(admin.restartDaemon().path("dispatcher").asText()).isEqualTo("engine");
            assertThat(admin.useDispatcher("kind: engine")).isEqualTo("engine");
            assertThat(admin.dispatcher()).isEqualTo("engine");
        }
    }
}
