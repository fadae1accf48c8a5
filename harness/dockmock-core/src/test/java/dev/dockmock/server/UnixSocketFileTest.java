package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.Wire;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The unix socket file: its mode, its path limit, and what the server finds at its path. */
@Timeout(30)
class UnixSocketFileTest {

    @Test
    void socketFileHasMode0660AndCloseRemovesIt() throws Exception {
        DockerHost.Unix unix = Wire.freshUnix();
        DockMockServer server = ServerLifecycleTest.builder().host(unix).build().start();
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(unix.path(), LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo("rw-rw----");
            assertThat(Files.list(unix.path().getParent())).as("no staging directory left").hasSize(1);
        } finally {
            server.close();
        }
        assertThat(unix.path()).doesNotExist();
    }

    @Test
    void staleSocketFileIsReplaced() throws Exception {
        DockerHost.Unix unix = Wire.freshUnix();
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(unix.path()));
        }
        assertThat(unix.path()).exists();
        try (DockMockServer server = ServerLifecycleTest.builder().host(unix).build().start()) {
            ServerLifecycleTest.assertPings(unix);
        }
        assertThat(unix.path()).doesNotExist();
    }

    @Test
    void socketALiveServerAnswersOnIsRefused() throws Exception {
        DockerHost.Unix unix = Wire.freshUnix();
        try (DockMockServer running = ServerLifecycleTest.builder().host(unix).build().start()) {
            DockMockServer second = ServerLifecycleTest.builder().host(unix).build();
            assertThatThrownBy(second::start).isInstanceOf(IOException.class)
                    .hasMessageContaining(unix.toString())
                    .hasMessageContaining("already running");
            second.close();
            ServerLifecycleTest.assertPings(unix);
        }
    }

    @Test
    void regularFileAtThePathIsRefusedAndKept() throws Exception {
        DockerHost.Unix unix = Wire.freshUnix();
        Files.writeString(unix.path(), "precious");
        DockMockServer server = ServerLifecycleTest.builder().host(unix).build();
        assertThatThrownBy(server::start).isInstanceOf(IOException.class)
                .hasMessageContaining(unix.toString())
                .hasMessageContaining("not a socket");
        server.close();
        assertThat(Files.readString(unix.path(), StandardCharsets.UTF_8)).isEqualTo("precious");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s.sock", "s"})
    void longestBindablePathWorksWhateverItsFileName(String fileName) throws Exception {
        Path dir = Wire.freshDirectory();
        String prefix = dir + "/";
        // 106 bytes is the longest path the JDK binds; the staging path next to it must fit too.
        Path longest = Path.of(prefix + "d".repeat(106 - prefix.length() - fileName.length() - 1) + "/" + fileName);
        assertThat(longest.toString().getBytes(StandardCharsets.UTF_8)).hasSize(106);
        DockerHost.Unix atLimit = new DockerHost.Unix(longest);
        try (DockMockServer server = ServerLifecycleTest.builder().host(atLimit).build().start()) {
            ServerLifecycleTest.assertPings(atLimit);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(longest))).isEqualTo("rw-rw----");
            assertThat(Files.list(longest.getParent())).as("no staging directory left").hasSize(1);
        }
        assertThat(longest).doesNotExist();
    }

    @Test
    void tooLongPathIsRefusedWithAdvice() throws Exception {
        Path dir = Wire.freshDirectory();
        DockerHost.Unix tooLong = new DockerHost.Unix(Path.of(dir + "/" + "e".repeat(106 - dir.toString().length())));
        assertThat(tooLong.path().toString()).hasSize(107);
        DockMockServer server = ServerLifecycleTest.builder().host(tooLong).build();
        assertThatThrownBy(server::start).isInstanceOf(IOException.class)
                .hasMessageContaining(tooLong.toString())
                .hasMessageContaining("choose a shorter path");
        server.close();
    }
}
