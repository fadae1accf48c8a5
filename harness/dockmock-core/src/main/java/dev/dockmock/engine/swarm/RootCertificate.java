package dev.dockmock.engine.swarm;

import dev.dockmock.protocol.Der;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Makes a swarm's root CA certificate as swarmkit's {@code CreateRootCA} does: a self-signed
 * {@code CN=swarm-ca}, ECDSA P-256 with SHA-256, a CA for 20 years, usable to sign certificates
 * and CRLs. The key pair lives only while the certificate is made: nothing in a fake swarm signs
 * or checks anything with it. Everything random comes from a seed, so an engine with seeded ids
 * makes the same certificate for the same clock.
 */
final class RootCertificate {
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    /** swarmkit's {@code RootCAExpiration}. */
    private static final Duration VALIDITY = Duration.ofDays(365 * 20);

    private RootCertificate() {
    }

    /**
     * A new root CA.
     *
     * @param seed what the key, the serial number and the signature are drawn from
     * @param now the time it is made; it is valid from five minutes before, as cfssl backdates
     */
    static TrustRoot generate(byte[] seed, Instant now) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            byte[] publicKeyInfo = keys.getPublic().getEncoded();
            byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8("swarm-ca"))));
            byte[] keyId = keyIdentifier(publicKeyInfo);
            byte[] extensions = Der.concat(
                    extension("2.5.29.15", true, Der.bits(1, new byte[] {(byte) 0x06})),   // keyCertSign, cRLSign
                    extension("2.5.29.19", true, Der.sequence(Der.bool(true))),
                    extension("2.5.29.14", false, Der.octets(keyId)),
                    extension("2.5.29.35", false, Der.sequence(Der.tagged(0x80, keyId))));
            Instant from = now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
            byte[] algorithm = Der.sequence(Der.oid(ECDSA_SHA256));
            byte[] tbs = Der.sequence(
                    Der.explicit(0, Der.integer(BigInteger.TWO)),
                    Der.integer(serial(random)),
                    algorithm,
                    name,
                    Der.sequence(Der.time(from), Der.time(from.plus(VALIDITY))),
                    name,
                    publicKeyInfo,
                    Der.explicit(3, Der.sequence(extensions)));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate(), random);
            signer.update(tbs);
            return TrustRoot.of(Der.sequence(tbs, algorithm, Der.bits(0, signer.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make an ECDSA P-256 certificate: " + e.getMessage(), e);
        }
    }

    /** A positive 160-bit serial number, as cfssl draws one. */
    private static BigInteger serial(SecureRandom random) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return new BigInteger(1, bytes).setBit(158);
    }

    /** RFC 5280's key identifier: the SHA-1 of the public key's bits (for P-256 the 65 bytes ending the key info). */
    private static byte[] keyIdentifier(byte[] publicKeyInfo) throws GeneralSecurityException {
        byte[] point = Arrays.copyOfRange(publicKeyInfo, publicKeyInfo.length - 65, publicKeyInfo.length);
        return MessageDigest.getInstance("SHA-1").digest(point);
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octets(value))
                : Der.sequence(Der.oid(oid), Der.octets(value));
    }
}
