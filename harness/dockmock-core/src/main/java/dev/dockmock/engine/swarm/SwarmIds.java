package dev.dockmock.engine.swarm;

import dev.dockmock.engine.IdSource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The identifiers swarmkit hands out: 25-character base-36 object ids, {@code SWMTKN-1-...} join
 * tokens and {@code SWMKEY-1-...} unlock keys, all drawn from the engine's {@link IdSource} so a
 * seeded engine gives the same ones every run.
 */
final class SwarmIds {
    private final IdSource ids;

    SwarmIds(IdSource ids) {
        this.ids = ids;
    }

    /** A new object id: 128 random bits in base 36, 25 characters, as swarmkit's {@code identity.NewID}. */
    String next() {
        return base36(ids.next().substring(0, 32), 25);
    }

    /** A 64-hex-digit id, as the engine's other objects get. */
    String hex() {
        return ids.next();
    }

    /**
     * The part of a join token that names the cluster's root CA, as swarmkit's
     * {@code GenerateJoinToken} writes it: the SHA-256 of the root's PEM in base 36, 50 characters.
     */
    static String caDigest(String rootPem) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rootPem.getBytes(StandardCharsets.US_ASCII));
            return base36(HexFormat.of().formatHex(digest), 50);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A join token for the cluster whose CA digest is {@code caDigest}. */
    String joinToken(String caDigest) {
        return "SWMTKN-1-" + caDigest + "-" + next();
    }

    /** 32 random bytes, to seed what else is random (a root CA's key pair). */
    byte[] seed() {
        return HexFormat.of().parseHex(ids.next());
    }

    /** A key that unlocks an auto-locked manager: 32 random bytes, base64 without padding, as swarmkit's {@code HumanReadableKey}. */
    String unlockKey() {
        return "SWMKEY-1-" + Base64.getEncoder().withoutPadding().encodeToString(seed());
    }

    private static String base36(String hex, int width) {
        String digits = new BigInteger(hex, 16).toString(36);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** Whether {@code token} has the shape of a join token: {@code SWMTKN-1-<50 base36>-<25 base36>}. */
    static boolean wellFormedToken(String token) {
        return token != null && token.matches("SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}");
    }
}
