package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.protocol.DockerException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TarSafetyTest {
    private static final Instant T = Instant.EPOCH;

    private static void assertRefused(TarEntry entry, String message) {
        byte[] archive = TarWriter.archive(List.of(TarEntry.file("fine.txt", "ok", 0644, T), entry));
        assertThatThrownBy(() -> TarReader.read(archive))
                .isInstanceOf(DockerException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((DockerException) e).error().status()).isEqualTo(400))
                .hasMessageContaining(message);
    }

    @Test
    void parentDirectoryEscapesAreRefusedNamingTheEntry() {
        assertRefused(TarEntry.file("../evil", "x", 0644, T), "\"../evil\"");
        assertRefused(TarEntry.file("a/../../evil", "x", 0644, T), "\"a/../../evil\": it would escape the destination directory");
        assertRefused(TarEntry.directory("x/../../..", 0755, T), "would escape");
    }

    @Test
    void absolutePathsAreRefused() {
        assertRefused(TarEntry.file("/etc/passwd", "root::0:0::/:/bin/sh\n", 0644, T),
                "refusing to extract archive entry \"/etc/passwd\": it has an absolute path");
    }

    @Test
    void hardLinksMayNotPointOutside() {
        assertRefused(TarEntry.hardlink("inside", "../../etc/shadow", T), "\"inside\"");
        assertRefused(TarEntry.hardlink("inside", "/etc/shadow", T), "absolute path");
    }

    @Test
    void theTotalSizeIsBounded() {
        byte[] archive = TarWriter.archive(List.of(TarEntry.file("a", new byte[600], 0644, T), TarEntry.file("b", new byte[600], 0644, T)));

        assertThatThrownBy(() -> TarReader.read(archive, 1000))
                .isInstanceOf(DockerException.class)
                .hasMessageContaining("\"b\"")
                .hasMessageContaining("limit of 1000 bytes");
    }

    @Test
    void corruptHeadersAreRefused() {
        byte[] archive = TarWriter.archive(List.of(TarEntry.file("a", "x", 0644, T)));
        archive[3] ^= 0x55;

        assertThatThrownBy(() -> TarReader.read(archive)).isInstanceOf(DockerException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> TarReader.read("this is not a tar archive".repeat(40).getBytes()))
                .isInstanceOf(DockerException.class).hasMessageContaining("not a tar archive");
    }

    @Test
    void symlinkTargetsMayPointAnywhereBecauseTheyResolveInsideTheContainer() {
        byte[] archive = TarWriter.archive(List.of(TarEntry.symlink("up", "../../../etc", T)));

        org.assertj.core.api.Assertions.assertThat(TarReader.read(archive).get(0).linkName()).isEqualTo("../../../etc");
    }
}
