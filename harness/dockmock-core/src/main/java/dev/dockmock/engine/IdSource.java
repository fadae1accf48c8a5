package dev.dockmock.engine;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

/**
 * Where the engine's 64-hex-digit ids come from. Inject a seeded source to make runs and
 * recordings reproducible.
 */
@FunctionalInterface
public interface IdSource {

    /** A new 64-character lower-case hex id. */
    String next();

    /** Unpredictable ids, as dockerd's. */
    static IdSource random() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }

    /** The same ids in the same order for the same seed. */
    static IdSource seeded(long seed) {
        Random random = new Random(seed);
        return () -> {
            byte[] bytes = new byte[32];
            synchronized (random) {
                random.nextBytes(bytes);
            }
            return HexFormat.of().formatHex(bytes);
        };
    }
}
