package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineCalls;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.ApiResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /swarm/unlock}, {@code GET /swarm/unlockkey} and the locked state in memory: the
 * statuses and messages dockerd gives (moby's daemon/cluster), which the docker CLI partly hides
 * behind its own checks.
 */
@Timeout(30)
class SwarmUnlockRoutesTest {
    private EngineCalls docker;

    @BeforeEach
    void start() {
        docker = new EngineCalls(Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())));
    }

    @AfterEach
    void stop() {
        docker.close();
    }

    private ApiResponse unlock(String key) {
        return docker.post("/v1.50/swarm/unlock", Map.of("UnlockKey", key));
    }

    private static String message(ApiResponse response) {
        return EngineCalls.json(response).path("message").asText();
    }

    private String unlockKey() {
        ApiResponse response = docker.call("GET", "/v1.50/swarm/unlockkey");
        assertThat(response.status()).as(EngineCalls.text(response)).isEqualTo(200);
        return EngineCalls.json(response).path("UnlockKey").asText();
    }

    private void init(boolean autoLock) {
        ApiResponse init = docker.post("/v1.50/swarm/init", Map.of("AdvertiseAddr", "127.0.0.1", "AutoLockManagers", autoLock));
        assertThat(init.status()).as(EngineCalls.text(init)).isEqualTo(200);
    }

    private void restart() {
        docker.engine().swarm().stop();
        docker.engine().swarm().start();
    }

    @Test
    void unlockOutsideASwarmOrOnAnUnlockedManagerIsRefused() {
        ApiResponse none = unlock("SWMKEY-1-abc");
        assertThat(none.status()).isEqualTo(503);
        assertThat(message(none)).startsWith("This node is not a swarm manager. Use \"docker swarm init\"");

        init(false);
        assertThat(unlockKey()).isEmpty();
        ApiResponse notLocked = unlock("SWMKEY-1-abc");
        assertThat(notLocked.status()).isEqualTo(409);
        assertThat(message(notLocked)).isEqualTo("swarm is not locked");
        restart();
        assertThat(docker.engine().swarm().locked()).isFalse();
        assertThat(docker.call("GET", "/v1.50/nodes").status()).isEqualTo(200);
    }

    @Test
    void aRestartedAutoLockedManagerAnswersLockedUntilGivenItsKey() {
        init(true);
        String key = unlockKey();
        assertThat(key).matches("SWMKEY-1-[A-Za-z0-9+/]{43}");
        restart();

        assertThat(docker.engine().swarm().locked()).isTrue();
        assertThat(docker.engine().swarm().pingState()).isEqualTo("locked");
        for (String path : new String[] {"/v1.50/swarm", "/v1.50/swarm/unlockkey", "/v1.50/nodes", "/v1.50/services", "/v1.50/tasks",
                "/v1.50/secrets"}) {
            ApiResponse refused = docker.call("GET", path);
            assertThat(refused.status()).as(path).isEqualTo(503);
            assertThat(message(refused)).as(path).isEqualTo(ManagerLock.LOCKED);
        }
        JsonNode info = EngineCalls.json(docker.call("GET", "/v1.50/info")).path("Swarm");
        assertThat(info.path("LocalNodeState").asText()).isEqualTo("locked");
        assertThat(info.path("NodeID").asText()).isEmpty();
        assertThat(info.path("NodeAddr").asText()).isEqualTo("127.0.0.1");
        assertThat(info.path("ControlAvailable").asBoolean()).isFalse();
        assertThat(info.path("Error").asText()).isEqualTo(ManagerLock.LOCKED);
        ApiResponse leave = docker.call("POST", "/v1.50/swarm/leave");
        assertThat(leave.status()).isEqualTo(503);
        assertThat(message(leave)).isEqualTo(ManagerLock.LEAVE_LOCKED);

        for (String malformed : new String[] {"", key.substring("SWMKEY-1-".length()), "SWMKEY-1-***", key + "="}) {
            ApiResponse bad = unlock(malformed);
            assertThat(bad.status()).as(malformed).isEqualTo(400);
            assertThat(message(bad)).as(malformed).isEqualTo("invalid key string");
        }
        ApiResponse wrong = unlock("SWMKEY-1-" + "B".repeat(43));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(message(wrong)).isEqualTo("swarm could not be unlocked: invalid key provided");
        assertThat(docker.engine().swarm().locked()).isTrue();

        assertThat(unlock(key).status()).isEqualTo(200);
        assertThat(docker.engine().swarm().locked()).isFalse();
        assertThat(docker.engine().swarm().pingState()).isEqualTo("active/manager");
        assertThat(docker.engine().swarm().leader()).isTrue();
        assertThat(unlockKey()).isEqualTo(key);
        assertThat(unlock(key).status()).isEqualTo(409);
    }

    @Test
    void turningAutoLockOffClearsTheKeyAndOnAgainMakesANewOne() {
        init(true);
        String first = unlockKey();
        JsonNode swarm = EngineCalls.json(docker.call("GET", "/v1.50/swarm"));
        long version = swarm.path("Version").path("Index").asLong();
        ApiResponse off = docker.post("/v1.50/swarm/update?version=" + version,
                Map.of("EncryptionConfig", Map.of("AutoLockManagers", false)));
        assertThat(off.status()).as(EngineCalls.text(off)).isEqualTo(200);
        assertThat(unlockKey()).isEmpty();
        version = EngineCalls.json(docker.call("GET", "/v1.50/swarm")).path("Version").path("Index").asLong();
        assertThat(docker.post("/v1.50/swarm/update?version=" + version,
                Map.of("EncryptionConfig", Map.of("AutoLockManagers", true))).status()).isEqualTo(200);
        assertThat(unlockKey()).startsWith("SWMKEY-1-").isNotEqualTo(first);
    }
}
