package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which binds and tmpfs mounts a {@code HostConfig} asks for, as the docker CLI sends them. */
class BindOrTmpfsTest {
    private static JsonNode hostConfig(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void bindsFromBindsAndMountsButNotVolumes() throws Exception {
        JsonNode host = hostConfig("""
                {"Binds": ["/srv/app:/data:ro,z", "named:/v", "/etc/app.conf:/etc/app.conf"],
                 "Mounts": [{"Type": "bind", "Source": "/srv/x", "Target": "/x/", "ReadOnly": true},
                            {"Type": "volume", "Source": "v2", "Target": "/v2"}]}
                """);
        assertThat(BindOrTmpfs.of(host)).containsExactly(
                new BindOrTmpfs(false, "/srv/app", "/data", false, true, 0, 0),
                new BindOrTmpfs(false, "/etc/app.conf", "/etc/app.conf", true, true, 0, 0),
                new BindOrTmpfs(false, "/srv/x", "/x", false, false, 0, 0));
    }

    @Test
    void tmpfsOptionsFromTheFlagAndTheMount() throws Exception {
        JsonNode host = hostConfig("""
                {"Tmpfs": {"/t": "mode=1770,size=1m", "/r": "ro", "/plain": ""},
                 "Mounts": [{"Type": "tmpfs", "Target": "/m", "TmpfsOptions": {"SizeBytes": 2000000, "Mode": 448}}]}
                """);
        assertThat(BindOrTmpfs.of(host)).containsExactly(
                new BindOrTmpfs(true, "tmpfs", "/m", true, false, 2000000, 0700),
                new BindOrTmpfs(true, "tmpfs", "/t", true, false, 1 << 20, 01770),
                new BindOrTmpfs(true, "tmpfs", "/r", false, false, 0, 01777),
                new BindOrTmpfs(true, "tmpfs", "/plain", true, false, 0, 01777));
        assertThat(BindOrTmpfs.sizeBytes("64k")).isEqualTo(65536);
        assertThat(BindOrTmpfs.sizeBytes("2G")).isEqualTo(2L << 30);
        assertThat(BindOrTmpfs.sizeBytes("junk")).isZero();
    }

    @Test
    void nothingAskedIsAnEmptyList() throws Exception {
        assertThat(BindOrTmpfs.of(hostConfig("{}"))).isEmpty();
    }
}
