package dev.dockmock.engine;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the engine's 64-hex-digit ids come from. Inject a seeded source to make runs and
 * recordings reproducible.
 */
@FunctionalInterface
public interface IdSource {

    /** A new 64-character lower-case hex id. */
    String next();

    /**
     * Random ids, as dockerd's. They come from each thread's own {@link ThreadLocalRandom}, not
     * a {@code SecureRandom}: a fake daemon's ids guard nothing, and one shared secure source made
     * concurrent creates queue for its lock. 256 random bits still make a collision negligible.
     */
    static IdSource random() {
        return () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            byte[] hex = new byte[64];
            for (int word = 0; word < 4; word++) {
                long bits = random.nextLong();
                for (int digit = 15; digit >= 0; digit--) {
                    // a table, not a comparison: random digits made that branch mispredict half the time
                    hex[word * 16 + digit] = HexDigits.LOWER[(int) (bits & 0xf)];
                    bits >>>= 4;
                }
            }
            return new String(hex, StandardCharsets.ISO_8859_1);
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
