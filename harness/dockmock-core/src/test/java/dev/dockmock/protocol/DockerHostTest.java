package dev.dockmock.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerHostTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            unix:///var/run/docker.sock   | unix:///var/run/docker.sock
            unix:///tmp/dm/d.sock         | unix:///tmp/dm/d.sock
            tcp://127.0.0.1:2375          | tcp://127.0.0.1:2375
            tcp://localhost:1234          | tcp://localhost:1234
            tcp://127.0.0.1               | tcp://127.0.0.1:2375
            tcp://127.0.0.1:0             | tcp://127.0.0.1:0
            127.0.0.1:4243                | tcp://127.0.0.1:4243
            localhost:4243                | tcp://localhost:4243
            :4243                         | tcp://127.0.0.1:4243
            tcp://:4243                   | tcp://127.0.0.1:4243
            tcp://[::1]:2375              | tcp://[::1]:2375
            tcp://[::1]                   | tcp://[::1]:2375
            [::1]:5000                    | tcp://[::1]:5000
            tcp://0.0.0.0:65535           | tcp://0.0.0.0:65535
            '  tcp://127.0.0.1:1  '       | tcp://127.0.0.1:1
            """)
    void parsesTheFormsDockerdAccepts(String text, String canonical) {
        assertThat(DockerHost.parse(text)).hasToString(canonical);
    }

    @ParameterizedTest(name = "with TLS {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tcp://127.0.0.1     | tcp://127.0.0.1:2376
            tcp://127.0.0.1:99  | tcp://127.0.0.1:99
            localhost           | tcp://localhost:2376
            """)
    void defaultsToPort2376WithTls(String text, String canonical) {
        assertThat(DockerHost.parse(text, true)).hasToString(canonical);
    }

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            fd://                          | unsupported protocol: "fd"
            npipe:////./pipe/docker_engine | unsupported protocol: "npipe"
            ssh://user@host                | unsupported protocol: "ssh"
            http://127.0.0.1:2375          | unsupported protocol: "http"
            udp://127.0.0.1:2375           | unsupported protocol: "udp"
            unix://var/run/docker.sock     | unix socket path must be absolute
            unix://                        | missing unix socket path
            tcp://127.0.0.1:abc            | invalid port "abc"
            tcp://127.0.0.1:65536          | invalid port "65536"
            tcp://127.0.0.1:-1             | invalid port "-1"
            tcp://127.0.0.1:               | invalid port ""
            127.0.0.1:99999999             | invalid port "99999999"
            tcp://127.0.0.1:2375/path      | no path allowed
            tcp://[::1                     | unclosed '['
            tcp://[::1]x                   | unexpected "x"
            ::1:2375                       | IPv6 addresses need brackets
            '   '                          | empty host string
            """)
    void refusesWithAMessageThatSaysWhy(String text, String message) {
        assertThatThrownBy(() -> DockerHost.parse(text))
                .isInstanceOf(DockerHost.DockerHostException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"fd://", "ssh://host", "npipe://x"})
    void unsupportedProtocolsListTheAcceptedForms(String text) {
        assertThatThrownBy(() -> DockerHost.parse(text)).hasMessageContaining(DockerHost.ACCEPTED_FORMS);
    }

    @org.junit.jupiter.api.Test
    void givesTypedValues() {
        assertThat(DockerHost.parse("unix:///tmp/x.sock")).isEqualTo(new DockerHost.Unix(Path.of("/tmp/x.sock")));
        DockerHost.Tcp tcp = (DockerHost.Tcp) DockerHost.parse("tcp://[::1]:0");
        assertThat(tcp.host()).isEqualTo("::1");
        assertThat(tcp.withPort(41000)).hasToString("tcp://[::1]:41000");
        assertThat(tcp.scheme()).isEqualTo("tcp");
        assertThatThrownBy(() -> DockerHost.parse(null)).hasMessageContaining("empty host string");
    }
}
