package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.admin.DockMockControl;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin API answers only when enabled; otherwise its paths are unknown routes, as on dockerd. */
class AdminOffTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void adminPathsAreUnknownRoutesUnlessEnabled(boolean enabled) throws Exception {
        DockMockControl control = DockMockControl.builder().adminOnListeners(enabled).build();
        try (DockMockServer server = TestServers.start(Wire.UNIX, control.dispatcher())) {
            control.attach(server);
            try (ApiCaller api = new ApiCaller(server.boundHosts().get(0))) {
                for (String[] call : new String[][] {{"GET", "/_dockmock/journal"}, {"GET", "/_dockmock/state"},
                    {"POST", "/_dockmock/reset"}, {"DELETE", "/_dockmock/faults"}, {"GET", "/_dockmock/dispatcher"}}) {
                    ApiCaller.Reply reply = api.call(call[0], call[1], null);
                    if (enabled) {
                        assertThat(reply.status()).as("%s %s: %s", call[0], call[1], reply.text()).isBetween(200, 299);
                    } else {
                        assertThat(reply.status()).as("%s %s", call[0], call[1]).isEqualTo(404);
                        assertThat(reply.message()).isEqualTo("page not found");
                    }
                }
                assertThat(api.get("/_ping").status()).isEqualTo(200);
            }
        }
    }
}
